package io.gongkai.intake.rest;

import io.gongkai.contracts.api.InvalidParameterException;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.api.QueryParameters;
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.form.Forms;
import io.gongkai.contracts.security.Roles;
import io.gongkai.intake.api.ImportDraft;
import io.gongkai.intake.api.SubmissionReceipt;
import io.gongkai.intake.imports.ImportHints;
import io.gongkai.intake.imports.ImportService;
import io.gongkai.intake.security.Caller;
import io.gongkai.intake.security.CallerResolver;
import io.gongkai.intake.service.StoreOutcome;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

@Path(BodyLimit.IMPORTS_PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Published annual reports (text or HTML) read into submissions")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this, or the unit is outside its scope",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ImportResource {

    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9-]{1,48}");
    private static final Pattern DIVISION_CODE = Pattern.compile("\\d{2}|\\d{4}|\\d{6}|\\d{9}");

    private final ImportService imports;
    private final CallerResolver callers;

    public ImportResource(ImportService imports, CallerResolver callers) {
        this.imports = imports;
        this.callers = callers;
    }

    @POST
    @Blocking
    @Consumes({MediaType.TEXT_PLAIN, MediaType.TEXT_HTML, MediaType.APPLICATION_XHTML_XML})
    @Operation(summary = "Read a published annual report into a submission",
            description = "The body is the report as published: text or HTML, in the charset its Content-Type or"
                    + " <meta charset> names (UTF-8, GBK/GB18030, ...). Unit and year come from its title unless given."
                    + " With store=false (the default) the answer is the draft: the submission it prints, null for"
                    + " every cell it does not print unambiguously, the findings naming each, and where each cell was"
                    + " read; nothing is stored. With store=true the draft goes through the submission path and is"
                    + " answered as POST /api/v1/submissions; the version records that it was imported and keeps the"
                    + " document for auditors. A draft that still lacks cells is refused with 422.")
    @RequestBody(required = true, content = {@Content(mediaType = MediaType.TEXT_PLAIN), @Content(mediaType = MediaType.TEXT_HTML)})
    @APIResponse(responseCode = "200", description = "store=false: the draft; store=true: identical to the current version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {ImportDraft.class, SubmissionReceipt.class})))
    @APIResponse(responseCode = "201", description = "store=true: stored as a new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "400", description = "Not a report (empty, binary, undecodable), or a parameter is invalid",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 2 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Not text/plain or text/html, or an unknown charset",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "store=true: cells, unit or year not read, or the figures break the form's rules; every finding is listed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "store=true: the writer's queue is full; retry after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @RolesAllowed({Roles.SUBMITTER, Roles.AUDITOR})
    public Uni<Response> importReport(byte[] body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Parameter(description = "The unit, when the title does not say it unambiguously (a department's code is <government>-<LOCAL>)",
                    example = "640402100") @QueryParam("unitCode") String unitCode,
            @Parameter(description = "A department's government", example = "640402") @QueryParam("parentCode") String parentCode,
            @Parameter(description = "The report year, when the title does not say it",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2000", maximum = "2100")) @QueryParam("year") String year,
            @Parameter(description = "The form to read the report against; by default the one in force for its year"
                    + " (2019 and 2020: \"2019\", from 2021: \"2021\"). A table printed in another form's labels is named"
                    + " in the findings, never read as this one", example = "2019") @QueryParam("formVersion") String formVersion,
            @Parameter(description = "Store the draft as the unit's next version",
                    schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")) @QueryParam("store") String store,
            @Parameter(description = "JSON pointers of cells, rows or blocks the operator confirms were left out because they were zero",
                    example = "/reviewLitigation/review") @QueryParam("assumeZero") List<String> assumeZero) {
        ImportHints hints = new ImportHints(code("unitCode", unitCode, UNIT_CODE), code("parentCode", parentCode, DIVISION_CODE),
                year(year), formVersion(formVersion));
        boolean storing = flag(store);
        Caller caller = callers.current();
        if (!storing) {
            return Uni.createFrom().item(Response.ok(imports.draft(body, contentType, hints, caller)).build());
        }
        if (!caller.has(Roles.SUBMITTER)) {
            throw new io.quarkus.security.ForbiddenException("storing an import needs the submitter role");
        }
        return Uni.createFrom().completionStage(imports.store(body, contentType, hints, assumeZero, caller))
                .map(ImportResource::answer);
    }

    private static Response answer(StoreOutcome outcome) {
        SubmissionReceipt receipt = outcome.receipt();
        if (!outcome.created()) {
            return Response.ok(receipt).build();
        }
        return Response.created(URI.create("/api/v1/submissions/" + receipt.unitCode() + "/" + receipt.year()
                + "/versions/" + receipt.version())).entity(receipt).build();
    }

    private static String code(String name, String value, Pattern format) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!format.matcher(value).matches()) {
            throw new InvalidParameterException(name, "a unit code (" + format.pattern() + ")", value);
        }
        return value;
    }

    private static Integer year(String value) {
        Integer year = QueryParameters.wholeNumber("year", value);
        if (year != null && (year < 2000 || year > 2100)) {
            throw new InvalidParameterException("year", "a year from 2000 to 2100", value);
        }
        return year;
    }

    private static String formVersion(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (Forms.byVersion(value).isEmpty()) {
            throw new InvalidParameterException("formVersion", "one of " + Forms.all().stream()
                    .map(FormDefinition::version).toList(), value);
        }
        return value;
    }

    private static boolean flag(String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new InvalidParameterException("store", "true or false", value);
    }
}
