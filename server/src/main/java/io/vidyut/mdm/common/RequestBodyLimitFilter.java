package io.vidyut.mdm.common;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces {@link RequestBodyLimits} before anything is buffered: a declared Content-Length over the
 * limit is refused before a byte is read (and before authentication: anyone may send a body), and a
 * body without one (chunked) or longer than declared stops being read at the first byte over the
 * limit. Neither Tomcat nor Spring MVC bounds a body that is not a form, and Spring reads a
 * {@code byte[]} or JSON argument whole. Both refusals are a 413 problem.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimitFilter extends OncePerRequestFilter {
    private final RequestBodyLimits limits;
    private final JsonMapper json;

    RequestBodyLimitFilter(RequestBodyLimits limits, JsonMapper json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestBodyLimits.Limit limit = limits.forPath(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit.bytes()) {
            BodyTooLargeException refusal = new BodyTooLargeException(limit.bytes(), limit.advice());
            response.setStatus(refusal.getStatusCode().value());
            response.setHeader("Connection", "close");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), refusal.getBody());
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    /** The request with its body counted as it is read. */
    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final RequestBodyLimits.Limit limit;
        private CountingStream body;

        LimitedRequest(HttpServletRequest request, RequestBodyLimits.Limit limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) body = new CountingStream(super.getInputStream(), limit);
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    /** Throws {@link BodyTooLargeException} (unchecked: converters pass it on) at the first byte over the limit. */
    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final RequestBodyLimits.Limit limit;
        private long read;

        CountingStream(ServletInputStream in, RequestBodyLimits.Limit limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            // never ask for more than one byte past the limit: the overflow is found without reading further
            int n = in.read(buffer, offset, (int) Math.min(length, Math.max(1, limit.bytes() - read + 1)));
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit.bytes()) throw new BodyTooLargeException(limit.bytes(), limit.advice());
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
