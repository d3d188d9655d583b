package io.microdrama.catalog.domain;

/** Where a drama stands in one region. Only LIVE is shown in the storefront. */
public enum RolloutState { NOT_LICENSED, SCHEDULED, WAITING, LIVE, ON_HOLD, EXPIRED, WITHDRAWN }
