package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.api.AggregateView;
import io.gongkai.aggregation.api.ChildAggregates;
import io.gongkai.aggregation.api.Trend;
import io.gongkai.aggregation.mapping.CsvTableWriter;
import io.gongkai.aggregation.service.AggregateService;
import io.gongkai.aggregation.service.AnswerCache;
import io.gongkai.aggregation.service.ExportService;
import io.gongkai.aggregation.service.FeedPosition;
import io.gongkai.aggregation.service.FeedPositions;
import io.gongkai.aggregation.service.PageRequest;
import io.gongkai.aggregation.service.TrendRange;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.api.QueryParameters;
import io.gongkai.contracts.security.Roles;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.function.Function;

@Path("/api/v1/aggregates/{code}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Aggregates", description = "Totals of a unit's subtree. Answers carry an ETag derived from the feed "
        + "position they reflect (asOf); send it back in If-None-Match to get 304 while nothing changed.")
public class AggregateResource {

    private static final String CSV = "csv";
    private static final Representations CHILDREN = new Representations(
            new Representations.Offer("json", MediaType.APPLICATION_JSON), new Representations.Offer(CSV, CsvTableWriter.MEDIA_TYPE));

    private final AggregateService aggregates;
    private final FeedPositions positions;
    private final AnswerCache answers;
    private final ExportService exports;

    public AggregateResource(AggregateService aggregates, FeedPositions positions, AnswerCache answers,
            ExportService exports) {
        this.aggregates = aggregates;
        this.positions = positions;
        this.answers = answers;
        this.exports = exports;
    }

    @GET
    @Path("/{year: \\d{4}}")
    @Operation(summary = "The totals of a unit's subtree for a year",
            description = "Every current report in the subtree (the unit's own included) summed cell by cell, with "
                    + "who has reported. A year without reports gives zero totals and received 0.")
    @APIResponse(responseCode = "200", description = "The totals", headers = @Header(name = "ETag", description = "Changes when the totals may have"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AggregateView.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A year no report form covers",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> aggregate(@Parameter(description = "CN for the nation, a division code or a department's code", example = "640402")
            @PathParam("code") String code,
            @Parameter(description = "Report year", example = "2023") @PathParam("year") int year, @Context Request request) {
        return conditional(request, code, "y" + year, position -> aggregates.aggregate(code, year, position));
    }

    @GET
    @Path("/{year: \\d{4}}/children")
    @Produces({MediaType.APPLICATION_JSON, CsvTableWriter.MEDIA_TYPE})
    @Operation(summary = "One row per child: its totals and reporting status, as JSON pages or one CSV file",
            description = "The table a district dashboard shows: the units directly below, by code. As JSON in pages of "
                    + "at most 100 (default 50); total says how many children there are; each page has its own ETag. "
                    + "As CSV (Accept: text/csv, or format=csv for a download link) the whole table in one file, page "
                    + "and size ignored: UTF-8 with a byte order mark, RFC 4180, a header row, one row per child with "
                    + "code, name, kind, reports, expected, received, missingCount, onTime, late and then every cell "
                    + "of the form in form order, headed by its official label; numbers exact in plain notation.")
    @APIResponse(responseCode = "200", description = "The rows", headers = {
            @Header(name = "ETag", description = "JSON: changes when the totals may have"),
            @Header(name = "Content-Disposition", description = "CSV: attachment; filename=\"<code>-<year>-children.csv\"")},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildAggregates.class)),
                    @Content(mediaType = CsvTableWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A year no report form covers, page or size not a number or out of range, "
            + "or a format other than json or csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept admits neither JSON nor CSV",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> children(@Parameter(example = "640402") @PathParam("code") String code,
            @Parameter(example = "2023") @PathParam("year") int year,
            @Parameter(description = "Zero-based page index (JSON)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "0",
                    minimum = "0", maximum = "" + PageRequest.MAX_PAGE)) @QueryParam("page") String page,
            @Parameter(description = "Children per page (JSON)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", defaultValue = "50",
                    minimum = "1", maximum = "100")) @QueryParam("size") String size,
            @Parameter(description = "The representation, instead of the Accept header: json or csv",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv"})) @QueryParam("format") String format,
            @Context Request request) {
        if (CSV.equals(CHILDREN.choose(format, request))) {
            return Uni.createFrom().item(() -> Downloads.whole(exports.children(code, year)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        PageRequest rows = aggregates.childrenPage(QueryParameters.wholeNumber("page", page), QueryParameters.wholeNumber("size", size));
        return conditional(request, code, "y" + year + "-children-p" + rows.page() + "-s" + rows.size(),
                position -> aggregates.children(code, year, rows, position));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "A unit's totals year by year", description = "At most " + TrendRange.MAX_YEARS + " years, from "
            + "the first form's year (2021) to next year; years without reports have zero totals.")
    @APIResponse(responseCode = "200", description = "The totals per year", headers = @Header(name = "ETag", description = "Changes when the totals may have"),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Trend.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "from/to missing, not a number, reversed, more than " + TrendRange.MAX_YEARS
            + " years apart, before the first form or after next year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> trend(@Parameter(example = "6404") @PathParam("code") String code,
            @Parameter(description = "First year", required = true, example = "2021",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("from") String from,
            @Parameter(description = "Last year", required = true, example = "2023",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32")) @QueryParam("to") String to,
            @Context Request request) {
        TrendRange years = aggregates.trendRange(QueryParameters.requiredWholeNumber("from", from), QueryParameters.requiredWholeNumber("to", to));
        return conditional(request, code, "t" + years.from() + "-" + years.to(),
                position -> aggregates.trend(code, years, position));
    }

    private Uni<Response> conditional(Request request, String code, String what, Function<FeedPosition, Object> answer) {
        return Conditional.respondQuickly(request, positions, answers, code + "-" + what, answer);
    }
}
