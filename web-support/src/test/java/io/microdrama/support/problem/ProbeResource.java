package io.microdrama.support.problem;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A tiny API that fails in every way a framework can, for {@link ProblemMappersTest}. */
@Path("/probe")
public class ProbeResource {

    public record Episode(int number, String title) {
    }

    public record Drama(String title, boolean exclusive, List<Episode> episodes, Instant validFrom, LocalDate effectiveFrom,
            Map<String, String> titles, Boolean free) {
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
    @Path("/dramas/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String one(@PathParam("id") String id, @QueryParam("q") String q) {
        return id + "|" + q;
    }

    @PUT
    @Path("/files/{name}")
    @Consumes(MediaType.WILDCARD)
    public String file(@PathParam("name") String name, byte[] body) {
        return name + ":" + body.length;
    }

    @GET
    @Path("/gone")
    public String gone() {
        throw new io.vertx.core.http.HttpClosedException("Connection was closed");
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
    @Path("/unreachable")
    public String unreachable() {
        throw new IllegalStateException("session failed", new ProbeOutage("connection to db-internal-7:5432 refused"));
    }

    /** What {@link ProbeDependencyUnavailable} recognises as a dependency out of reach. */
    static final class ProbeOutage extends RuntimeException {
        ProbeOutage(String message) {
            super(message);
        }
    }

    /** The test's stand-in for a service's recogniser (service-support's is the database's). */
    @jakarta.enterprise.context.ApplicationScoped
    static class ProbeDependencyUnavailable implements DependencyUnavailable {
        @Override
        public boolean covers(Throwable failure) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ProbeOutage) {
                    return true;
                }
            }
            return false;
        }
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "secret";
    }
}
