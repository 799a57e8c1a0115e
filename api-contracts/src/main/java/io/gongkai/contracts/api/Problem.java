package io.gongkai.contracts.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gongkai.contracts.form.Finding;

import java.util.List;

/**
 * An RFC 9457 problem detail, served as {@code application/problem+json} by both services.
 *
 * @param type       URI naming the kind of problem
 * @param title      short summary of the kind of problem
 * @param status     the HTTP status
 * @param detail     what went wrong with this request
 * @param instance   the request path
 * @param violations every finding, for a submission that breaks the form's rules
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
        List<Finding> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Problem type URIs; relative, so they resolve against whichever host serves them. */
    public static final String TYPE_PREFIX = "/problems/";

    public static Problem of(String type, String title, int status, String detail, String instance) {
        return new Problem(TYPE_PREFIX + type, title, status, detail, instance, null);
    }
}
