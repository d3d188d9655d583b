package io.microdrama.support.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** A tiny API that fails in every way a framework can, for {@link ProblemMappersTest}. */
@Path("/probe")
public class ProbeResource {

    public record Episode(int number, String title) {
    }

    public record Drama(String title, boolean exclusive, List<Episode> episodes) {
    }

    @POST
    @Path("/dramas")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Drama accept(Drama drama) {
        return drama;
    }

    @GET
    @Path("/dramas")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Drama> list() {
        return List.of();
    }

    @GET
    @Path("/conflict")
    public String conflict() {
        throw ProblemException.conflict("The drama changed meanwhile");
    }

    @GET
    @Path("/boom")
    public String boom() {
        throw new IllegalStateException("connection to db-internal-7:5432 refused for user catalog");
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "secret";
    }
}
