package dev.adapthub.web.body;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Once the body of its request was refused, this response answers with the refusal, whatever
 * the code that caught the read failure wanted to send: Jackson's "not valid JSON" 400, Gson's
 * 422 in the LFS servlet, JGit's 500. So every over-limit body gets one 413 with the same
 * message, logged once. Nothing can be done once the response was committed before the refusal.
 */
final class RefusingResponse extends HttpServletResponseWrapper {

    private final HttpServletRequest request;
    private final BoundedRequest bounded;
    private boolean answered;

    RefusingResponse(HttpServletResponse response, HttpServletRequest request, BoundedRequest bounded) {
        super(response);
        this.request = request;
        this.bounded = bounded;
    }

    /** Answers the refusal, if there was one and it was not answered yet; true when there was one. */
    boolean answerRefusal() throws IOException {
        Refusal refusal = bounded.refusal();
        if (refusal == null) {
            return false;
        }
        if (!answered) {
            answered = true;
            RefusalAnswer.write(request, (HttpServletResponse) getResponse(), refusal);
        }
        return true;
    }

    private boolean refused() {
        try {
            return answerRefusal();
        } catch (IOException e) {
            // The client went away while the refusal was written; there is no one left to tell.
            return true;
        }
    }

    @Override
    public void setStatus(int sc) {
        if (!refused()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!answerRefusal()) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!answerRefusal()) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (!answerRefusal()) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (bounded.refusal() == null) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (bounded.refusal() == null) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setContentType(String type) {
        if (bounded.refusal() == null) {
            super.setContentType(type);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (bounded.refusal() == null) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (bounded.refusal() == null) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        return answerRefusal() ? Discarding.STREAM : super.getOutputStream();
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        return answerRefusal() ? new PrintWriter(Discarding.STREAM, false, StandardCharsets.UTF_8) : super.getWriter();
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!answerRefusal()) {
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (bounded.refusal() == null) {
            super.reset();
        }
    }

    @Override
    public void resetBuffer() {
        if (bounded.refusal() == null) {
            super.resetBuffer();
        }
    }

    /** Where whatever the application writes after a refusal goes. */
    private static final class Discarding extends ServletOutputStream {

        static final Discarding STREAM = new Discarding();

        @Override
        public void write(int b) {
            // dropped: the refusal is the answer
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // dropped: the refusal is the answer
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                listener.onWritePossible();
            } catch (IOException e) {
                listener.onError(e);
            }
        }
    }
}
