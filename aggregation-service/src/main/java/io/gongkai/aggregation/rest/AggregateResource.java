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
import io.gongkai.contracts.form.FormDefinition;
import io.gongkai.contracts.security.Roles;
import io.gongkai.contracts.tables.Representation;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
    @Produces({MediaType.APPLICATION_JSON, Representation.HTML_MEDIA_TYPE, Representation.XLSX_MEDIA_TYPE})
    @Operation(summary = "The totals of a unit's subtree for a year",
            description = "Every current report in the subtree (the unit's own included) made in the year's form "
                    + "(2019 and 2020: the 2019 trial form; 2021 on: the 2021 form) summed cell by cell, with who has "
                    + "reported in whatever form. A year whose units used different forms keeps one total per form: "
                    + "otherForms names the others and how many reports each sums, and formVersion picks one of them. "
                    + "A year without reports gives zero totals and received 0. For a township or a "
                    + "department this is its own report. As JSON by default; as the official tables (表二, 表三, 表四 "
                    + "with the captions and merged headings of the totals' form, the 2019 trial form for 2019 and "
                    + "2020) in an HTML document printable on A4 for Accept: text/html or format=html, or in an XLSX "
                    + "workbook (figures as numbers, amounts exact, changes signed) for Accept: "
                    + Representation.XLSX_MEDIA_TYPE + " or format=xlsx. Each representation has its own ETag.")
    @APIResponse(responseCode = "200", description = "The totals", headers = {
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING),
                    description = "Changes when the totals may have; differs per representation"),
            @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING),
                    description = "XLSX only: attachment; filename=\"<code>-<year>.xlsx\"")},
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AggregateView.class)),
                    @Content(mediaType = Representation.HTML_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            description = "An HTML5 document of the official tables, printable on A4")),
                    @Content(mediaType = Representation.XLSX_MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING,
                            format = "binary", description = "A workbook, one sheet per official table"))})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A year no report form covers, an unknown formVersion, or a format "
            + "other than json, html and xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "The Accept header accepts none of JSON, HTML and XLSX",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> aggregate(@Parameter(description = "CN for the nation, a division code or a department's code", example = "640402")
            @PathParam("code") String code,
            @Parameter(description = "Report year", example = "2023") @PathParam("year") int year,
            @Parameter(description = "The form whose total to answer, when some of the year's reports were made in "
                    + "another form than the year's (see otherForms); the year's form when absent", example = "2019")
            @QueryParam("formVersion") String formVersion,
            @Parameter(description = "The representation, for links that cannot set Accept: json, html or xlsx; it wins over Accept",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "html", "xlsx"}))
            @QueryParam("format") String format,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @Context Request request) {
        Representation representation = Representation.choose(format, accept).orElseThrow(() ->
                new NotAcceptableException("the totals are answered as " + MediaType.APPLICATION_JSON + ", "
                        + Representation.HTML_MEDIA_TYPE + " or " + Representation.XLSX_MEDIA_TYPE));
        FormDefinition form = aggregates.form(year, formVersion);
        String which = "y" + year + "-f" + form.version();
        Uni<Response> answer = representation == Representation.JSON
                ? conditional(request, code, which, position -> aggregates.aggregate(code, year, form, position))
                : Conditional.respondRenderedQuickly(request, positions, answers,
                        code + "-" + which + "-" + representation.format(), representation.contentType(),
                        position -> representation.render(aggregates.printed(code, year, form, position)));
        return answer.map(response -> negotiated(response, representation, code + "-" + year));
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
                    + "of the year's form (2019 and 2020: the 2019 trial form) in form order, headed by its official "
                    + "label; numbers exact in plain notation.")
    @APIResponse(responseCode = "200", description = "The rows", headers = {
            @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING),
                    description = "JSON: changes when the totals may have"),
            @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING),
                    description = "CSV: attachment; filename=\"<code>-<year>-children.csv\" (\"<code>-<year>-children-form<version>.csv\" for another form than the year's)")},
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChildAggregates.class)),
                    @Content(mediaType = CsvTableWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A year no report form covers, an unknown formVersion, page or size not "
            + "a number or out of range, or a format other than json or csv",
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
            @Parameter(description = "The form whose totals each row gives (its cells are the CSV's columns), when some of"
                    + " the year's reports were made in another form than the year's; the year's form when absent",
                    example = "2019") @QueryParam("formVersion") String formVersion,
            @Context Request request) {
        FormDefinition form = aggregates.form(year, formVersion);
        if (CSV.equals(CHILDREN.choose(format, request))) {
            return Uni.createFrom().item(() -> Downloads.whole(exports.children(code, year, form)))
                    .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        PageRequest rows = aggregates.childrenPage(QueryParameters.wholeNumber("page", page), QueryParameters.wholeNumber("size", size));
        return conditional(request, code, "y" + year + "-f" + form.version() + "-children-p" + rows.page() + "-s" + rows.size(),
                position -> aggregates.children(code, year, form, rows, position));
    }

    @GET
    @Path("/trend")
    @Operation(summary = "A unit's totals year by year, comparable across the change of form", description = "At most "
            + TrendRange.MAX_YEARS + " years, from the first form's year (2019) to next year; years without reports have "
            + "zero totals. Each year sums its reports made in the year's form, and every year is given in the keys of the "
            + "last year's form (formVersion of the answer): a cell that carries across the change of form (the same "
            + "keys of tables 三 and 四 and of the decisions of table 二; 2019's （六）其他处理 against the sum of 2021's "
            + "three rows; 2019's 规章 本年新制作数量 as 2021's 本年制发件数, approximately) is filled and, when it is read "
            + "from other cells, listed in derived; a cell that does not carry is left out and listed in absent, never zero.")
    @APIResponse(responseCode = "200", description = "The totals per year",
            headers = @Header(name = "ETag", schema = @Schema(type = SchemaType.STRING),
                    description = "Changes when the totals may have"),
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

    /** Caches between client and service keep each representation apart; a 200 carries its own headers too. */
    private static Response negotiated(Response response, Representation representation, String name) {
        Response.ResponseBuilder negotiated = Response.fromResponse(response).header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        if (response.getStatus() == Response.Status.OK.getStatusCode()) {
            representation.headers(name).forEach(negotiated::header);
        }
        return negotiated.build();
    }

    private Uni<Response> conditional(Request request, String code, String what, Function<FeedPosition, Object> answer) {
        return Conditional.respondQuickly(request, positions, answers, code + "-" + what, answer);
    }
}
