package org.venuegate.hub;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.venuegate.api.ApplicationSort;
import org.venuegate.api.ApplicationStatus;
import org.venuegate.api.CategoryRequest;
import org.venuegate.api.CheckinBatch;
import org.venuegate.api.CitizenInput;
import org.venuegate.api.ColourChange;
import org.venuegate.api.DecisionRequest;
import org.venuegate.api.DependantRequest;
import org.venuegate.api.ErrorBody;
import org.venuegate.api.Health;
import org.venuegate.api.HealthReport;
import org.venuegate.api.LoginRequest;
import org.venuegate.api.PairRequest;
import org.venuegate.api.PairingCodeRequest;
import org.venuegate.api.PasswordReset;
import org.venuegate.api.RetentionRequest;
import org.venuegate.api.RevokeRequest;
import org.venuegate.api.RotateRequest;
import org.venuegate.api.RotatedKey;
import org.venuegate.api.Submission;
import org.venuegate.api.TimeRequest;
import org.venuegate.api.TrustRoot;
import org.venuegate.api.UnveilRequest;
import org.venuegate.api.UserCreated;
import org.venuegate.api.UserRequest;
import org.venuegate.api.UserUpdate;
import org.venuegate.api.Venue;
import org.venuegate.api.VenueCodeText;
import org.venuegate.core.json.Json;
import org.venuegate.core.keys.KeyRole;
import org.venuegate.core.trust.SignedTime;
import org.venuegate.hub.ApplicationService.Query;
import org.venuegate.hub.api.ApiException;
import org.venuegate.hub.api.Requests;
import org.venuegate.hub.auth.Principal;
import org.venuegate.hub.auth.Role;
import org.venuegate.hub.store.Database;
import org.venuegate.poster.ColourMode;
import org.venuegate.poster.PaperSize;

/**
 * The hub's HTTP API under {@code /api/v1} (described in {@code docs/openapi.yaml}). Every route names the roles
 * that may call it; one before-handler authenticates and checks them, one exception mapper writes every error.
 */
public final class HubServer implements AutoCloseable {
    public static final String PREFIX = "/api/v1";
    /** Room for the largest legal check-in batch (5,000 items at their maximum field sizes is about 2 MB). */
    public static final long MAX_BODY_BYTES = 4_000_000L;
    /** The longest path and query the API takes (a real request needs a few hundred characters). */
    public static final int MAX_TARGET_CHARS = 8 * 1024;
    /**
     * The request line and headers Jetty reads whole. Jetty refuses a longer head itself, and closes the connection while
     * the client may still be sending it: the client then often gets no answer at all, only a reset. Room well past
     * {@link #MAX_TARGET_CHARS}, so an over-long target is read and refused by the API, in JSON.
     */
    static final int REQUEST_HEAD_BYTES = 128 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(HubServer.class);
    private static final String PRINCIPAL = "principal";

    private final Hub hub;
    private final Javalin app;

    public HubServer(Hub hub) {
        this.hub = hub;
        this.app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.http.maxRequestSize = MAX_BODY_BYTES;
            cfg.http.defaultContentType = "application/json";
            cfg.useVirtualThreads = false;
            cfg.http.prefer405over404 = true;
            // Jetty's header cache matches case-insensitively by default, so on a keep-alive connection a bearer token
            // with its letters' case flipped came back as the cached original and authenticated.
            cfg.jetty.modifyHttpConfiguration(http -> {
                http.setHeaderCacheCaseSensitive(true);
                http.setRequestHeaderSize(REQUEST_HEAD_BYTES);
            });
            cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonBadMessages()));
        });
        app.before(ctx -> {
            String query = ctx.req().getQueryString();
            int target = ctx.req().getRequestURI().length() + (query == null ? 0 : 1 + query.length());
            if (target > MAX_TARGET_CHARS) {
                throw new ApiException(414, "URI_TOO_LONG", "the path and query are " + target + " characters long; at most "
                        + MAX_TARGET_CHARS + " are taken");
            }
            Requests.wellFormedPath(ctx.req().getRequestURI());
        });
        app.beforeMatched(this::authenticate);
        app.exception(ApiException.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            switch (e.getStatus()) {
                case 404 -> error(ctx, 404, "NO_ROUTE", "no such endpoint: " + ctx.method() + " " + ctx.path());
                case 405 -> error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path());
                case 413 -> error(ctx, 413, "BODY_TOO_LARGE", "the body is larger than " + MAX_BODY_BYTES + " bytes");
                default -> error(ctx, e.getStatus(), "HTTP_" + e.getStatus(), e.getMessage());
            }
        });
        app.exception(Database.StoreException.class, (e, ctx) -> {
            LOG.error("Database failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 503, "STORAGE_UNAVAILABLE", "the hub's database is unavailable; nothing was written, retry later");
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "INTERNAL", "unexpected error; it has been logged");
        });
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 404, "NO_ROUTE", "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, ctx -> error(ctx, 405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path()));
        routes();
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status).json(new ErrorBody(code, message));
    }

    /**
     * What Jetty answers itself, before any handler, to a request it cannot read (a malformed request line or header,
     * a head past {@link #REQUEST_HEAD_BYTES}): the API's JSON error body instead of Jetty's HTML page.
     */
    static final class JsonBadMessages extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        public java.nio.ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
            String code = switch (status) {
                case 414 -> "URI_TOO_LONG";
                case 431 -> "HEADERS_TOO_LARGE";
                default -> "BAD_REQUEST";
            };
            String message = switch (status) {
                case 414 -> "the request line is longer than " + REQUEST_HEAD_BYTES + " bytes";
                case 431 -> "the request's headers are larger than " + REQUEST_HEAD_BYTES + " bytes";
                default -> "the request could not be read as HTTP" + (reason == null || reason.isBlank() ? "" : ": " + reason);
            };
            fields.put(org.eclipse.jetty.http.HttpHeader.CONTENT_TYPE, "application/json");
            try {
                return java.nio.ByteBuffer.wrap(Json.mapper().writeValueAsBytes(new ErrorBody(code, message)));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("an error body is always JSON", e);
            }
        }
    }

    private void authenticate(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.contains(Role.ANYONE)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() < 8) {
            throw new ApiException(401, "UNAUTHENTICATED", "send 'Authorization: Bearer <token>' (log in or pair first)");
        }
        Principal p = hub.auth().authenticate(header.substring(7).trim())
                .orElseThrow(() -> new ApiException(401, "UNAUTHENTICATED", "the token is unknown, expired or revoked; log in again"));
        if (!roles.contains(p.role())) {
            throw ApiException.forbidden("role " + p.role() + " may not call " + ctx.method() + " " + ctx.endpointHandlerPath());
        }
        ctx.attribute(PRINCIPAL, p);
    }

    private static Principal who(Context ctx) {
        return ctx.attribute(PRINCIPAL);
    }

    private void routes() {
        String p = PREFIX;
        app.get(p + "/health", ctx -> ctx.json(Health.ok(hub.clock().instant())), Role.ANYONE);

        app.post(p + "/auth/login", ctx -> {
            LoginRequest r = Requests.body(ctx, LoginRequest.class);
            ctx.json(hub.auth().login(r.username(), r.password(), ctx.ip()));
        }, Role.ANYONE);
        app.post(p + "/auth/logout", ctx -> {
            hub.auth().logout(ctx.header("Authorization").substring(7).trim());
            ctx.status(204);
        }, Role.CITIZEN, Role.REVIEWER, Role.ADMIN, Role.TRACER);
        app.post(p + "/users", ctx -> {
            UserRequest r = Requests.body(ctx, UserRequest.class);
            Role role = Role.of(Requests.required(r.role(), "role"));
            long id = hub.auth().createUser(r.username(), r.password(), role, r.district(), r.subjectId());
            ctx.status(201).json(new UserCreated(id, r.username().trim().toLowerCase(Locale.ROOT), r.role()));
        }, Role.ADMIN);

        app.get(p + "/categories", ctx -> ctx.json(hub.venues().categories()),
                Role.CITIZEN, Role.REVIEWER, Role.ADMIN, Role.TRACER);
        app.post(p + "/categories", ctx -> ctx.status(201).json(hub.venues().addCategory(who(ctx),
                Requests.body(ctx, CategoryRequest.class))), Role.ADMIN);

        app.post(p + "/applications", ctx -> ctx.status(201).json(hub.applications().submit(who(ctx),
                Requests.body(ctx, Submission.class))), Role.CITIZEN);
        app.get(p + "/applications", ctx -> ctx.json(hub.applications().list(who(ctx), new Query(
                Requests.queryEnum(ctx, "status", ApplicationStatus.class), Requests.optionalText(ctx.queryParam("q"), "q", 60),
                Requests.optionalText(ctx.queryParam("creditCode"), "creditCode", 18),
                Optional.ofNullable(Requests.queryLong(ctx, "district")).map(Long::intValue).orElse(null),
                Requests.optionalText(ctx.queryParam("category"), "category", 16),
                Requests.queryTime(ctx, "from", false), Requests.queryTime(ctx, "to", true),
                Requests.queryEnum(ctx, "sort", ApplicationSort.class), Requests.queryInt(ctx, "page", 0, 0, 1_000_000),
                Requests.queryInt(ctx, "size", 50, 1, 200)))), Role.CITIZEN, Role.REVIEWER, Role.ADMIN);
        app.get(p + "/applications/counts", ctx -> ctx.json(hub.applications().counts(who(ctx))),
                Role.CITIZEN, Role.REVIEWER, Role.ADMIN);
        app.get(p + "/applications/dashboard", ctx -> ctx.json(hub.applications().dashboard(who(ctx))), Role.REVIEWER, Role.ADMIN);
        app.get(p + "/applications/{id}", ctx -> ctx.json(hub.applications().get(who(ctx), Requests.pathLong(ctx, "id"))),
                Role.CITIZEN, Role.REVIEWER, Role.ADMIN);
        app.post(p + "/applications/{id}/decision", ctx -> ctx.json(hub.applications().decide(who(ctx),
                Requests.pathLong(ctx, "id"), Requests.body(ctx, DecisionRequest.class))), Role.REVIEWER, Role.ADMIN);

        app.get(p + "/venues", ctx -> ctx.json(hub.venues().byCreditCode(who(ctx), ctx.queryParam("creditCode"))),
                Role.REVIEWER, Role.ADMIN);
        app.get(p + "/venues/{id}", ctx -> ctx.json(hub.venues().venue(who(ctx), Requests.pathLong(ctx, "id"))),
                Role.CITIZEN, Role.REVIEWER, Role.ADMIN, Role.DEVICE);
        app.get(p + "/venues/{id}/code", ctx -> {
            Venue v = hub.venues().venue(who(ctx), Requests.pathLong(ctx, "id"));
            ctx.json(new VenueCodeText(v.id(), v.codeText(), v.revoked()));
        }, Role.CITIZEN, Role.REVIEWER, Role.ADMIN, Role.DEVICE);
        app.get(p + "/venues/{id}/poster.png", ctx -> poster(ctx, false), Role.CITIZEN, Role.REVIEWER, Role.ADMIN);
        app.get(p + "/venues/{id}/poster.pdf", ctx -> poster(ctx, true), Role.CITIZEN, Role.REVIEWER, Role.ADMIN);
        app.post(p + "/venues/{id}/revoke", ctx -> ctx.json(hub.venues().revoke(who(ctx), Requests.pathLong(ctx, "id"),
                Requests.body(ctx, RevokeRequest.class).reason())), Role.ADMIN);

        app.get(p + "/trust-list", ctx -> {
            TrustService.Published tl = hub.trust().current();
            ctx.header("ETag", tl.etag());
            ctx.header("Cache-Control", "no-cache");
            if (tl.etag().equals(ctx.header("If-None-Match"))) {
                ctx.status(304);
                return;
            }
            ctx.contentType("application/json").result(tl.document());
        }, Role.ANYONE);
        app.post(p + "/time", ctx -> {
            String nonce = Requests.required(Requests.body(ctx, TimeRequest.class).nonce(), "nonce");
            if (!SignedTime.validNonce(nonce)) {
                throw ApiException.invalidField("nonce", SignedTime.NONCE_BYTES + " random bytes in Base64");
            }
            ctx.header("Cache-Control", "no-store");
            ctx.contentType("application/json").result(hub.trust().signTime(nonce));
        }, Role.DEVICE);
        app.get(p + "/trust-list/root", ctx -> {
            var root = hub.trust().root();
            ctx.json(new TrustRoot(root.keyId(), root.publicKey()));
        }, Role.REVIEWER, Role.ADMIN);
        app.post(p + "/keys/rotate", ctx -> {
            RotateRequest r = Requests.body(ctx, RotateRequest.class);
            KeyRole role = Requests.required(r.role(), "role");
            if (role == KeyRole.ROOT) {
                throw ApiException.invalidField("role", "the root key is pinned by every kiosk and cannot be rotated here");
            }
            int days = r.overlapDays() == null ? 7 : r.overlapDays();
            if (days < 0 || days > 90) {
                throw ApiException.invalidField("overlapDays", "0 to 90");
            }
            var k = hub.trust().rotate(role, Duration.ofDays(days), who(ctx).actor());
            ctx.status(201).json(new RotatedKey(k.keyId(), k.role(), k.notBefore(), k.notAfter()));
        }, Role.ADMIN);
        app.post(p + "/keys/{kid}/revoke", ctx -> {
            hub.trust().revokeKey(ctx.pathParam("kid"), who(ctx).actor());
            ctx.status(204);
        }, Role.ADMIN);

        app.post(p + "/pairing-codes", ctx -> ctx.status(201).json(hub.venues().createPairingCode(who(ctx),
                Requests.required(Requests.body(ctx, PairingCodeRequest.class).venueId(), "venueId"))), Role.ADMIN);
        app.post(p + "/devices/pair", ctx -> {
            PairRequest r = Requests.body(ctx, PairRequest.class);
            // a wrong code costs the address a place in the window, so pairing codes cannot be guessed at speed
            hub.auth().admitPairing(ctx.ip());
            var paired = hub.venues().pair(r.pairingCode(), r.label(), r.publicKey());
            hub.auth().pairingSucceeded(ctx.ip());
            ctx.status(201).json(paired);
        }, Role.ANYONE);
        app.get(p + "/devices", ctx -> ctx.json(hub.venues().devices(Requests.queryLong(ctx, "venueId"))), Role.ADMIN);
        app.post(p + "/devices/{id}/revoke", ctx -> {
            hub.venues().revokeDevice(who(ctx), Requests.pathLong(ctx, "id"));
            ctx.status(204);
        }, Role.ADMIN);
        app.get(p + "/device/venue", ctx -> ctx.json(hub.venues().venue(who(ctx), who(ctx).venueId())), Role.DEVICE);
        app.post(p + "/checkins", ctx -> ctx.json(hub.checkins().ingest(who(ctx), Requests.body(ctx, CheckinBatch.class))),
                Role.DEVICE);

        app.post(p + "/citizens", ctx -> ctx.status(201).json(hub.citizens().register(who(ctx),
                Requests.body(ctx, CitizenInput.class))), Role.ADMIN);
        app.get(p + "/citizens/me", ctx -> ctx.json(hub.citizens().me(who(ctx))), Role.CITIZEN);
        app.get(p + "/citizens/{subject}", ctx -> ctx.json(hub.citizens().get(who(ctx), Requests.pathLong(ctx, "subject"))),
                Role.CITIZEN, Role.ADMIN);
        app.post(p + "/citizens/{subject}/unveil", ctx -> ctx.json(hub.citizens().unveil(who(ctx),
                Requests.pathLong(ctx, "subject"), Requests.body(ctx, UnveilRequest.class).venueCode())), Role.CITIZEN);
        app.put(p + "/citizens/{subject}/colour", ctx -> ctx.json(hub.citizens().setColour(who(ctx),
                Requests.pathLong(ctx, "subject"), Requests.body(ctx, ColourChange.class))), Role.ADMIN);
        app.post(p + "/citizens/{subject}/dependants", ctx -> {
            hub.citizens().addDependant(who(ctx), Requests.pathLong(ctx, "subject"),
                    Requests.required(Requests.body(ctx, DependantRequest.class).subjectId(), "subjectId"));
            ctx.status(204);
        }, Role.ADMIN);

        app.get(p + "/trace/venues/{id}", ctx -> ctx.json(hub.trace().atVenue(who(ctx), ctx.queryParam("caseRef"),
                Requests.pathLong(ctx, "id"), Requests.queryTime(ctx, "from", false), Requests.queryTime(ctx, "to", true))),
                Role.TRACER);
        app.get(p + "/trace/subjects/{subject}", ctx -> ctx.json(hub.trace().ofSubject(who(ctx), ctx.queryParam("caseRef"),
                ctx.pathParam("subject"), Requests.queryTime(ctx, "from", false), Requests.queryTime(ctx, "to", true))),
                Role.TRACER);

        app.get(p + "/audit", ctx -> ctx.json(hub.db().read(c -> AuditLog.page(c,
                Requests.optionalText(ctx.queryParam("action"), "action", 32),
                Requests.optionalText(ctx.queryParam("actor"), "actor", 64),
                Requests.queryTime(ctx, "from", false), Requests.queryTime(ctx, "to", true),
                Requests.queryInt(ctx, "page", 0, 0, 1_000_000) * Requests.queryInt(ctx, "size", 100, 1, 500),
                Requests.queryInt(ctx, "size", 100, 1, 500)))), Role.ADMIN);

        backOfficeRoutes(p);
    }

    /** The dashboard, the fleet's health, user accounts, revocations and retention (issue 12 §3). */
    private void backOfficeRoutes(String p) {
        BackOfficeService office = hub.backOffice();
        app.get(p + "/dashboard", ctx -> ctx.json(office.stats(who(ctx), Requests.queryInt(ctx, "days", 14, 1,
                BackOfficeService.MAX_DAYS))), Role.REVIEWER, Role.ADMIN);
        app.get(p + "/devices/health", ctx -> ctx.json(office.fleet()), Role.ADMIN);
        app.post(p + "/device/health", ctx -> {
            office.report(who(ctx), Requests.body(ctx, HealthReport.class));
            ctx.status(204);
        }, Role.DEVICE);
        app.get(p + "/users", ctx -> ctx.json(office.users()), Role.ADMIN);
        app.put(p + "/users/{id}", ctx -> ctx.json(office.updateUser(who(ctx), Requests.pathLong(ctx, "id"),
                Requests.body(ctx, UserUpdate.class))), Role.ADMIN);
        app.post(p + "/users/{id}/unlock", ctx -> {
            office.unlock(who(ctx), Requests.pathLong(ctx, "id"));
            ctx.status(204);
        }, Role.ADMIN);
        app.post(p + "/users/{id}/password", ctx -> {
            office.resetPassword(who(ctx), Requests.pathLong(ctx, "id"), Requests.body(ctx, PasswordReset.class));
            ctx.status(204);
        }, Role.ADMIN);
        app.get(p + "/revocations", ctx -> ctx.json(office.revocations()), Role.ADMIN);
        app.get(p + "/retention", ctx -> ctx.json(office.retentionReport()), Role.ADMIN);
        app.put(p + "/retention", ctx -> ctx.json(office.setRetention(who(ctx),
                Requests.body(ctx, RetentionRequest.class))), Role.ADMIN);
        // Every call a kiosk makes with its token counts as contact, for the fleet's "last contact".
        app.after(ctx -> {
            Principal caller = ctx.attribute(PRINCIPAL);
            if (caller != null && caller.role() == Role.DEVICE && ctx.status().getCode() < 500) {
                try {
                    office.touch(caller.id());
                } catch (RuntimeException e) {
                    LOG.warn("Could not note contact from device {}", caller.id(), e);
                }
            }
        });
    }

    private void poster(Context ctx, boolean pdf) {
        Venue v = hub.venues().venue(who(ctx), Requests.pathLong(ctx, "id"));
        if (v.revoked()) {
            throw ApiException.conflict("VENUE_REVOKED", "venue " + v.id() + " is revoked; its poster is no longer offered");
        }
        PaperSize size = Optional.ofNullable(Requests.queryEnum(ctx, "paper", PaperSize.class)).orElse(PaperSize.A4);
        ColourMode mode = Optional.ofNullable(Requests.queryEnum(ctx, "mode", ColourMode.class)).orElse(ColourMode.COLOUR);
        byte[] bytes = pdf ? hub.posters().pdf(v, size, mode) : hub.posters().png(v, size, mode);
        ctx.contentType(pdf ? "application/pdf" : "image/png")
                .header("Content-Disposition", "attachment; filename=\"venue-" + v.number() + (pdf ? ".pdf" : ".png") + "\"")
                .result(bytes);
    }

    /** One registered endpoint: method, Javalin path (with {@code {param}}) and the roles allowed to call it. */
    record RegisteredRoute(String method, String path, Set<Role> roles) {
    }

    /** What Javalin actually routes, read back from its router, so tests can hold docs/openapi.yaml to it. */
    List<RegisteredRoute> registeredRoutes() {
        return app.unsafeConfig().pvt.internalRouter.allHttpHandlers().stream()
                .map(ParsedEndpoint::getEndpoint)
                .filter(e -> e.getMethod().isHttpMethod())
                .map(e -> new RegisteredRoute(e.getMethod().name(), e.getPath(),
                        e.getRoles().stream().map(Role.class::cast).collect(Collectors.toUnmodifiableSet())))
                .toList();
    }

    public HubServer start(int port) {
        app.start(port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
