package dev.adapthub.core.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One HTTP request of a delivery: what was sent (headers; the body is the delivery's payload) and what came back. */
@Entity
@Table(name = "webhook_attempts")
public class Attempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private long deliveryId;

    @Column(nullable = false)
    private int attempt;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "duration_ms", nullable = false)
    private long durationMs;

    private String address;

    @Column(name = "request_headers", nullable = false)
    private String requestHeaders;

    @Column(name = "response_code")
    private Integer responseCode;

    @Column(name = "response_body")
    private String responseBody;

    private String error;

    protected Attempt() {
    }

    Attempt(long deliveryId, int attempt, Instant startedAt, long durationMs, String address, String requestHeaders,
            Integer responseCode, String responseBody, String error) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.startedAt = startedAt;
        this.durationMs = durationMs;
        this.address = cut(address, 64);
        this.requestHeaders = cut(requestHeaders, 2000);
        this.responseCode = responseCode;
        this.responseBody = cut(responseBody, 2000);
        this.error = cut(error, 1000);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public long id() {
        return id;
    }

    public long deliveryId() {
        return deliveryId;
    }

    public int attempt() {
        return attempt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public long durationMs() {
        return durationMs;
    }

    public String address() {
        return address;
    }

    public String requestHeaders() {
        return requestHeaders;
    }

    public Integer responseCode() {
        return responseCode;
    }

    public String responseBody() {
        return responseBody;
    }

    public String error() {
        return error;
    }

    public boolean succeeded() {
        return responseCode != null && responseCode >= 200 && responseCode < 300;
    }
}
