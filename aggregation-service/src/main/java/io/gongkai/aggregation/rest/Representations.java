package io.gongkai.aggregation.rest;

import io.gongkai.contracts.api.InvalidParameterException;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Variant;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the representation of an answer among those a resource offers: a {@code format=} parameter decides when
 * given (a download link cannot set headers), else the Accept header, by JAX-RS content negotiation. A format that
 * is not offered is a 400 naming the parameter; an Accept that admits none of the offers is a 406.
 */
final class Representations {

    /** A representation: its name in {@code format=} and its media type. */
    record Offer(String format, String mediaType) {
    }

    private final List<Offer> offers;
    private final List<Variant> variants;

    /** @param offers the preferred first: it answers an Accept of {@code *}{@code /*} or none */
    Representations(Offer... offers) {
        this.offers = List.of(offers);
        this.variants = Variant.mediaTypes(this.offers.stream().map(o -> MediaType.valueOf(o.mediaType()))
                .toArray(MediaType[]::new)).build();
    }

    /** The name of the format chosen. */
    String choose(String format, Request request) {
        if (format != null && !format.isEmpty()) {
            return offers.stream().map(Offer::format).filter(name -> name.equals(format.toLowerCase(Locale.ROOT)))
                    .findFirst().orElseThrow(() -> new InvalidParameterException("format", "one of "
                            + String.join(", ", offers.stream().map(Offer::format).toList()), format));
        }
        Variant chosen = request.selectVariant(variants);
        if (chosen == null) {
            throw new NotAcceptableException("this resource answers " + String.join(" or ",
                    offers.stream().map(Offer::mediaType).toList()) + "; ask for one in Accept or name it in format=");
        }
        return offers.get(variants.indexOf(chosen)).format();
    }
}
