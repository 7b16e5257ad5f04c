package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A REST push must say what it is, and say what the vendor's mapping reads: a body sent without a
 * Content-Type, or as CSV to a JSON mapping, is a mistake of the HES that 415 names, rather than a
 * parse that happens to find nothing.
 */
final class PushContentType {
    private static final Map<PayloadMapping.Format, List<MediaType>> READ_AS = Map.of(
            PayloadMapping.Format.JSON, List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"), MediaType.TEXT_PLAIN),
            PayloadMapping.Format.CSV, List.of(new MediaType("text", "csv"), MediaType.TEXT_PLAIN),
            PayloadMapping.Format.DLMS, List.of(MediaType.APPLICATION_OCTET_STREAM));

    private PushContentType() {}

    static void check(String contentType, PayloadMapping.Format format) {
        List<MediaType> accepted = READ_AS.get(format);
        MediaType sent = parse(contentType);
        if (sent != null && accepted.stream().anyMatch(type -> type.includes(sent))) return;
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Wrong content type",
                "The vendor's mapping reads " + format + ": send Content-Type " + MediaType.toString(accepted)
                        + (contentType == null || contentType.isBlank() ? " (the push had none)" : " (the push had " + contentType + ")"));
        ErrorResponseException refusal = new ErrorResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem, null);
        refusal.getHeaders().setAccept(accepted);
        throw refusal;
    }

    private static MediaType parse(String contentType) {
        if (contentType == null || contentType.isBlank()) return null;
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
