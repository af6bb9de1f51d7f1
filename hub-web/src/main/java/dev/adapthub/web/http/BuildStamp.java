package dev.adapthub.web.http;

import java.io.File;
import org.springframework.boot.system.ApplicationHome;

/**
 * What tells one build of the hub from another, the same in every process started from the same
 * jar: its name, size and modification time. Replicas behind a load balancer run the same jar, so a
 * page's ETag from one is honoured by the other (no sticky sessions needed for a 304); a new
 * deployment changes the jar and with it every ETag. Started from class folders (tests, an IDE),
 * where code may change under a running build, each process gets a stamp of its own.
 */
final class BuildStamp {

    private BuildStamp() {
    }

    static String ofRunningHub() {
        return of(new ApplicationHome(BuildStamp.class).getSource());
    }

    static String of(File source) {
        if (source != null && source.isFile()) {
            return source.getName() + "/" + source.length() + "/" + source.lastModified();
        }
        return "process/" + ProcessHandle.current().pid() + "/" + Long.toHexString(System.nanoTime());
    }
}
