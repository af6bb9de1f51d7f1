package dev.adapthub.core.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One HTTP/1.1 POST to an address that was checked beforehand ({@link TargetGuard}), without a
 * second DNS lookup: the socket connects to that address and the request names the URL's host in
 * {@code Host} (and, over TLS, in SNI and the certificate check). Redirects are never followed: a
 * 3xx answer is just an answer. Only the status and the first bytes of the body are read.
 * <p>
 * A small client of its own because the JDK's clients resolve the host themselves and do not let a
 * caller set {@code Host}, which is what pinning the address needs.
 */
final class PinnedHttp {

    static final int MAX_BODY = 2000;

    private PinnedHttp() {
    }

    /** What came back. */
    record Response(int status, String body) {
    }

    static Response post(TargetGuard.Target target, Map<String, String> headers, byte[] body, Duration timeout)
            throws IOException {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        try (Socket socket = open(target, millis)) {
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder();
            String path = target.uri().getRawPath() == null || target.uri().getRawPath().isEmpty() ? "/"
                    : target.uri().getRawPath();
            if (target.uri().getRawQuery() != null) {
                path += "?" + target.uri().getRawQuery();
            }
            boolean defaultPort = target.port() == (target.https() ? 443 : 80);
            String hostHeader = target.uri().getHost() + (defaultPort ? "" : ":" + target.port());
            head.append("POST ").append(path).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(hostHeader).append("\r\n");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Socket open(TargetGuard.Target target, int millis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(target.address(), target.port()), millis);
            socket.setSoTimeout(millis);
            if (!target.https()) {
                return socket;
            }
            SSLSocket tls = (SSLSocket) SSLContext.getDefault().getSocketFactory()
                    .createSocket(socket, target.host(), target.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.host().matches("[0-9.]+|.*:.*")) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            tls.setSSLParameters(parameters);
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        } catch (NoSuchAlgorithmException e) {
            socket.close();
            throw new IOException("No TLS available: " + e.getMessage(), e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("Not an HTTP answer: '" + abbreviate(statusLine) + "'");
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("Not an HTTP status: '" + abbreviate(statusLine) + "'");
        }
        long length = -1;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                try {
                    length = Long.parseLong(lower.substring(15).strip());
                } catch (NumberFormatException ignored) {
                    length = -1;
                }
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (chunked) {
            for (long size = chunkSize(in); size > 0 && body.size() < MAX_BODY; size = chunkSize(in)) {
                copy(in, body, size);
                line(in);
            }
        } else {
            copy(in, body, length < 0 ? MAX_BODY : length);
        }
        return new Response(status, body.toString(StandardCharsets.UTF_8));
    }

    private static long chunkSize(InputStream in) throws IOException {
        String line = line(in);
        int semicolon = line.indexOf(';');
        try {
            return Long.parseLong((semicolon < 0 ? line : line.substring(0, semicolon)).strip(), 16);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        long left = Math.min(length, MAX_BODY - body.size());
        byte[] buffer = new byte[1024];
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                return;
            }
            body.write(buffer, 0, n);
            left -= n;
        }
    }

    /** One header line without its CRLF; at most 8 KiB. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
            if (line.size() > 8192) {
                throw new IOException("An answer line longer than 8 KiB");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
