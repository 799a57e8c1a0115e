package io.gongkai.intake.rest;

import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.openapi.FormSchemaFilter;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.tables.Representation;
import io.gongkai.intake.api.SubmissionPage;
import io.gongkai.intake.api.SubmissionReceipt;
import io.gongkai.intake.api.SubmissionVersionView;
import io.gongkai.intake.api.ValidationReport;
import io.gongkai.intake.api.VersionPage;
import io.gongkai.intake.repository.ImportedDocuments;
import io.gongkai.intake.security.CallerResolver;
import io.gongkai.intake.service.StoreOutcome;
import io.gongkai.intake.service.SubmissionQueryService;
import io.gongkai.intake.service.SubmissionService;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Clock;
import java.util.concurrent.Executor;

@Path(SubmissionResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Submissions", description = "Yearly reports of the reporting units, with every version kept")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SubmissionResource {

    static final String PATH = "/api/v1/submissions";

    private static final String UNIT_CODE = "[A-Z0-9-]{1,32}";
    private static final String TABLES = "As JSON by default; as the official tables (表二, 表三, 表四 with the"
            + " captions and merged headings of the report's form, the 2019 trial form for 2019 and 2020) in an HTML"
            + " document printable on A4 for Accept: text/html or format=html, or in an XLSX workbook (figures as"
            + " numbers, amounts exact, changes signed) for Accept: " + Representation.XLSX_MEDIA_TYPE
            + " or format=xlsx. Each representation of a version has its own ETag.";
    private static final String ETAG = "The version and the representation";
    private static final String DOWNLOAD = "XLSX only: attachment; filename=\"<unitCode>-<year>-v<version>.xlsx\"";
    private static final String HTML = "An HTML5 document of the official tables, printable on A4";
    private static final String XLSX = "A workbook, one sheet per official table";
    private static final String FORMAT = "The representation, for links that cannot set Accept: json, html or xlsx;"
            + " it wins over Accept";
    private static final String NOT_ACCEPTABLE = "The Accept header accepts none of JSON, HTML and XLSX";

    private final SubmissionService submissions;
    private final SubmissionQueryService queries;
    private final CallerResolver callers;
    private final ImportedDocuments documents;
    /** Its zone is the one times are printed in. */
    private final Clock clock;

    public SubmissionResource(SubmissionService submissions, SubmissionQueryService queries, CallerResolver callers,
            ImportedDocuments documents, Clock clock) {
        this.clock = clock;
        this.submissions = submissions;
        this.queries = queries;
        this.callers = callers;
        this.documents = documents;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a unit's yearly report",
            description = "Validates the report against its form and rules. A new report or a changed one for the same"
                    + " unit and year is stored as the next version (201); a body identical to the current version"
                    + " stores nothing and answers that version (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = FormSchemaFilter.SUBMISSION)))
    @APIResponse(responseCode = "201", description = "Stored as a new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "200", description = "Identical to the current version; nothing stored",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "403", description = "Not a submitter, or the unit is outside the token's scope",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "400", description = "Not a well-formed report: every finding is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The writer's queue is full or the database did not take the"
            + " submission in time: nothing was stored; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The figures break the form's arithmetic rules: every violation is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.SUBMITTER)
    public Uni<RestResponse<SubmissionReceipt>> submit(byte[] body) {
        // Parsing and checking take a fraction of a millisecond of CPU and no I/O, so they run on the I/O thread;
        // the request then waits for the writer's commit without holding a thread. A failure is answered from a
        // worker thread, as its mapping may ask the database whether it is reachable.
        // The writer thread completes the commit; the answer is built and sent back on this request's I/O thread,
        // so the writer goes on to the next batch at once.
        Context requestContext = Vertx.currentContext();
        Executor requestThread = requestContext == null ? Runnable::run
                : task -> requestContext.runOnContext(ignored -> task.run());
        return callers.deferred()
                .chain(caller -> Uni.createFrom().completionStage(submissions.submit(body, caller)))
                .emitOn(requestThread)
                .map(SubmissionResource::answer)
                .onFailure().recoverWithUni(failure -> Uni.createFrom().<RestResponse<SubmissionReceipt>>failure(failure)
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
    }

    private static RestResponse<SubmissionReceipt> answer(StoreOutcome outcome) {
        SubmissionReceipt receipt = outcome.receipt();
        if (!outcome.created()) {
            return RestResponse.ok(receipt);
        }
        // Unit codes are letters, digits and hyphens (UnitRegistry), so the path needs no encoding.
        URI location = URI.create(PATH + "/" + receipt.unitCode() + "/" + receipt.year() + "/versions/"
                + receipt.version());
        return RestResponse.ResponseBuilder.<SubmissionReceipt>created(location).entity(receipt).build();
    }

    @POST
    @Path("validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Check a report without storing it",
            description = "Runs every check a submission gets and answers as a submission would (400/422 with every"
                    + " finding), but stores nothing; 200 with the warnings when it would be accepted.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(ref = FormSchemaFilter.SUBMISSION)))
    @APIResponse(responseCode = "200", description = "Would be accepted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ValidationReport.class)))
    @APIResponse(responseCode = "400", description = "Not a well-formed report",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The figures break the form's arithmetic rules",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.SUBMITTER, Roles.AUDITOR})
    public ValidationReport validate(byte[] body) {
        return submissions.validate(body, callers.current());
    }

    @GET
    @Operation(summary = "List current versions", description = "The current version of each unit's report, paged,"
            + " ordered by year and unit code; optionally of one year and of units whose code starts with a prefix.")
    @APIResponse(responseCode = "200", description = "A page of current versions",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid query parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.SUBMITTER, Roles.ADMIN})
    public SubmissionPage list(@QueryParam("year") @Min(2000) @Max(2100) Integer year,
            @QueryParam("unitPrefix") @Pattern(regexp = "[A-Z0-9-]{0,32}") String unitPrefix,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(year, unitPrefix, page, size);
    }

    @GET
    @Path("{unitCode}/{year}")
    @Produces({MediaType.APPLICATION_JSON, Representation.HTML_MEDIA_TYPE, Representation.XLSX_MEDIA_TYPE})
    @Operation(summary = "The current version of a unit's report for a year", description = TABLES)
    @APIResponse(responseCode = "200", description = "The current version", headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Disposition", description = DOWNLOAD, schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionVersionView.class)),
                    @Content(mediaType = Representation.HTML_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = HTML)),
                    @Content(mediaType = Representation.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = XLSX))})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid path parameters, or a format other than json, html and xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The unit has no report for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.SUBMITTER, Roles.ADMIN})
    public Response current(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html", "xlsx"}))
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @jakarta.ws.rs.core.Context Request request) {
        Representation representation = VersionRepresentations.choose(format, accept);
        SubmissionVersionView current = queries.current(unitCode, year).orElseThrow(() -> noReport(unitCode, year));
        return VersionRepresentations.respond(request, current, representation, clock.getZone());
    }

    @GET
    @Path("{unitCode}/{year}/versions")
    @Operation(summary = "Every version of a unit's report for a year, oldest first, paged",
            description = "A page holds at most 20 versions (each with its report, up to 256 KB), so an answer stays"
                    + " bounded however many corrections a unit made.")
    @APIResponse(responseCode = "200", description = "A page of the history; each version is immutable",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid path or query parameters",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "The unit has no report for that year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.AUDITOR)
    public VersionPage history(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(20) int size) {
        VersionPage history = queries.history(unitCode, year, page, size);
        if (history.total() == 0) {
            throw noReport(unitCode, year);
        }
        return history;
    }

    @GET
    @Path("{unitCode}/{year}/versions/{version}")
    @Produces({MediaType.APPLICATION_JSON, Representation.HTML_MEDIA_TYPE, Representation.XLSX_MEDIA_TYPE})
    @Operation(summary = "One version of a unit's report", description = TABLES)
    @APIResponse(responseCode = "200", description = "The version", headers = {
            @Header(name = "ETag", description = ETAG, schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Disposition", description = DOWNLOAD, schema = @Schema(type = SchemaType.STRING))},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionVersionView.class)),
                    @Content(mediaType = Representation.HTML_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, description = HTML)),
                    @Content(mediaType = Representation.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary", description = XLSX))})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid path parameters, or a format other than json, html and xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = NOT_ACCEPTABLE,
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.AUDITOR)
    public Response version(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("version") @Min(1) @Max(1_000_000) int version,
            @Parameter(description = FORMAT, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html", "xlsx"}))
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @jakarta.ws.rs.core.Context Request request) {
        Representation representation = VersionRepresentations.choose(format, accept);
        SubmissionVersionView found = queries.version(unitCode, year, version).orElseThrow(() -> new NotFoundException(
                "unit " + unitCode + " has no version " + version + " of its " + year + " report"));
        return VersionRepresentations.respond(request, found, representation, clock.getZone());
    }

    @GET
    @Path("{unitCode}/{year}/versions/{version}/document")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "The published document an imported version was read from",
            description = "As received, with the media type and charset it was read in. Served as an attachment in a"
                    + " sandbox: a published page is never run in an auditor's browser.")
    @APIResponse(responseCode = "200", description = "The document", content = {
            @Content(mediaType = MediaType.TEXT_HTML), @Content(mediaType = MediaType.TEXT_PLAIN)})
    @APIResponse(responseCode = "404", description = "No such version, or it was not imported",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed(Roles.AUDITOR)
    public Response importedDocument(@PathParam("unitCode") @Pattern(regexp = UNIT_CODE) String unitCode,
            @PathParam("year") @Min(2000) @Max(2100) int year,
            @PathParam("version") @Min(1) @Max(1_000_000) int version) {
        ImportedDocuments.Stored stored = documents.find(unitCode, year, version).orElseThrow(() -> new NotFoundException(
                "version " + version + " of unit " + unitCode + "'s " + year + " report was not imported"));
        return Response.ok(stored.bytes(), stored.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + unitCode + "-" + year + "-v" + version
                        + (stored.mediaType().startsWith("text/html") ? ".html" : ".txt") + "\"")
                .header("Content-Security-Policy", "sandbox")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static NotFoundException noReport(String unitCode, int year) {
        return new NotFoundException("unit " + unitCode + " has no report for " + year);
    }
}
