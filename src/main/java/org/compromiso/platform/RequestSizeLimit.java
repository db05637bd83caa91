package org.compromiso.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit on every path: a catalog of a meeting is a few kilobytes, so a megabyte is a
 * mistake or an attack. A declared length is refused before reading; a chunked body is cut off while read. First
 * of all filters, so nothing downstream (Spring Security, the engine's REST APIs, which are Jersey servlets) reads
 * a body around it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long limit;

    RequestSizeLimit(@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
        this.limit = limit.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            refuse(response);
            return;
        }
        var limited = new LimitedRequest(request, response);
        try {
            chain.doFilter(limited, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // the reader failed because the body was cut off, and the 413 is already sent
            if (!limited.refused) {
                throw e;
            }
        }
    }

    /**
     * Answers 413 and closes the response, so that what the reader makes of the cut-off body afterwards (Spring
     * MVC's 400, Jersey's 400 or 500) cannot change the answer: Tomcat ignores a status or body after that.
     */
    private void refuse(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        ApiProblems.write(response, HttpStatus.PAYLOAD_TOO_LARGE, "Request bodies are limited to " + limit + " bytes",
                "body", "larger than " + limit + " bytes");
        response.getOutputStream().close();
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {

        private final HttpServletResponse response;
        private ServletInputStream stream;
        private boolean refused;

        LimitedRequest(HttpServletRequest request, HttpServletResponse response) {
            super(request);
            this.response = response;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), this);
            }
            return stream;
        }

        // the container's own reader would read around the limited stream
        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    encoding == null ? StandardCharsets.ISO_8859_1.name() : encoding));
        }

        void tooLarge() throws IOException {
            if (!refused) {
                refused = true;
                refuse(response);
            }
            throw new IOException("Request body larger than " + limit + " bytes");
        }
    }

    private final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final LimitedRequest request;
        private long read;

        LimitedStream(ServletInputStream in, LimitedRequest request) {
            this.in = in;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            read += n;
            if (read > limit) {
                request.tooLarge();
            }
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
