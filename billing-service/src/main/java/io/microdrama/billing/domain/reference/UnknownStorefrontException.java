package io.microdrama.billing.domain.reference;

import java.time.LocalDate;

/** No storefront for this region (at this date): the service answers 404 rather than guessing a currency. */
public class UnknownStorefrontException extends RuntimeException {

    public UnknownStorefrontException(String region, LocalDate date) {
        super("no storefront for region " + region + " on " + date);
    }
}
