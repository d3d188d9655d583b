package io.microdrama.console.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Start page: what this person can open, by role. {@code /signed-out} is the only page without sign-in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    private final Template home;
    private final Template signedOut;
    private final CurrentCaller caller;

    @Inject
    public HomePage(@Location("home") Template home, @Location("signedOut") Template signedOut, CurrentCaller caller) {
        this.home = home;
        this.signedOut = signedOut;
        this.caller = caller;
    }

    @GET
    public TemplateInstance home() {
        return home.data("caller", caller.get());
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return signedOut.instance();
    }
}
