package dev.adapthub.web.status;

import dev.adapthub.core.popularity.DownloadCounter;
import dev.adapthub.core.status.ComponentCheck;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The {@code web} component: this process asks its own HTTP port for the liveness probe, as a load
 * balancer would, with the probe's User-Agent ({@link DownloadCounter#PROBE_AGENT}: never a download).
 * Slower than {@link #SLOW} is DEGRADED, no answer or not 200 is DOWN.
 */
@Component
class WebCheck implements ComponentCheck {

    static final Duration SLOW = Duration.ofSeconds(2);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private volatile int port = -1;

    @EventListener
    void started(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    @Override
    public String id() {
        return "web";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Result check() {
        if (port <= 0) {
            return Result.degraded("The web server is starting.");
        }
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/health/liveness"))
                    .timeout(Duration.ofSeconds(5)).header("User-Agent", DownloadCounter.PROBE_AGENT + "/1").GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (response.statusCode() != 200) {
                return Result.down("The liveness probe answered " + response.statusCode() + ".");
            }
            String detail = "answered in " + took.toMillis() + " ms";
            return took.compareTo(SLOW) > 0 ? Result.degraded(detail) : Result.up(detail);
        } catch (IOException e) {
            return Result.down("The web server does not answer.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.down("The probe was interrupted.");
        }
    }
}
