package io.gongkai.aggregation.rest;

import io.gongkai.aggregation.mapping.CsvTableWriter;
import io.gongkai.aggregation.mapping.TableFormat;
import io.gongkai.aggregation.mapping.XlsxTableWriter;
import io.gongkai.aggregation.service.ExportService;
import io.gongkai.contracts.api.Problem;
import io.gongkai.contracts.security.Roles;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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

import java.util.Locale;

@Path("/api/v1/aggregates/{code}/{year: \\d{4}}/units")
@RolesAllowed({Roles.READER, Roles.AUDITOR, Roles.ADMIN})
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The token's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@Tag(name = "Exports", description = "Files for spreadsheets, streamed in bounded memory. At most "
        + "gongkai.exports.max-concurrent (2) exports of reporting units stream at once; one more is answered 503 with "
        + "Retry-After.")
public class ExportResource {

    private static final Representations UNITS = new Representations(
            new Representations.Offer(TableFormat.CSV.extension(), CsvTableWriter.MEDIA_TYPE),
            new Representations.Offer(TableFormat.XLSX.extension(), XlsxTableWriter.MEDIA_TYPE));

    private final ExportService exports;

    public ExportResource(ExportService exports) {
        this.exports = exports;
    }

    @GET
    @Produces({CsvTableWriter.MEDIA_TYPE, XlsxTableWriter.MEDIA_TYPE})
    @Operation(summary = "Every township and department below a unit, one row each with its report, as CSV or XLSX",
            description = "One row per reporting unit of the subtree (the unit itself when it is one), in code order "
                    + "(hierarchy order: each government's departments before its townships): code, "
                    + "name, kind, provinceCode, provinceName, cityCode, cityName, countyCode, countyName, status "
                    + "(ON_TIME, LATE or MISSING), version, formVersion (the form the unit's report follows), "
                    + "firstReceivedAt and receivedAt (ISO-8601 in the reporting zone), then every cell of the year's "
                    + "form (2019 and 2020: the 2019 trial form) in form order, headed by its official label (an "
                    + "amount the report gives in 元 is held and shown in 万元, as its label says). A unit that has not "
                    + "reported, or whose report follows another form than the year's, has blank cells, never zeros. "
                    + "CSV (the default; format=csv) is UTF-8 with a byte order mark, RFC 4180, numbers exact in "
                    + "plain notation. XLSX (format=xlsx) has one sheet; a number is a numeric cell when a double "
                    + "holds it exactly (every count, every fee of up to 15 significant digits), else its exact decimal "
                    + "as text. Streamed as the database is read a chunk of units at a time: the nation's 41,352 "
                    + "townships are about 25 MB of CSV or 30 MB of XLSX. Each row is the unit's current report when "
                    + "its chunk was read.")
    @APIResponse(responseCode = "200", description = "The file",
            headers = @Header(name = "Content-Disposition", schema = @Schema(type = SchemaType.STRING),
                    description = "attachment; filename=\"<code>-<year>-units.csv\" (or .xlsx)"),
            content = {@Content(mediaType = CsvTableWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = XlsxTableWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A year no report form covers, a format other than csv or xlsx, or "
            + "more reporting units than one sheet holds for xlsx",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No unit with this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "406", description = "Accept admits neither CSV nor XLSX (there is no JSON form)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "As many exports as allowed are streaming; retry later",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER),
                    description = "Seconds to wait"),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response units(@Parameter(description = "CN for the nation, a division code or a department's code", example = "640402")
            @PathParam("code") String code,
            @Parameter(description = "Report year", example = "2023") @PathParam("year") int year,
            @Parameter(description = "The file format, instead of the Accept header: csv or xlsx",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"csv", "xlsx"})) @QueryParam("format") String format,
            @Context Request request, @Context RoutingContext exchange) {
        TableFormat chosen = TableFormat.valueOf(UNITS.choose(format, request).toUpperCase(Locale.ROOT));
        return Downloads.streamed(exports.reportingUnits(code, year, chosen), exchange);
    }
}
