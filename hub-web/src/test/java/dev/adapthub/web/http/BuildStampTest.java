package dev.adapthub.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildStampTest {

    @Test
    void processesStartedFromOneJarShareTheStampAndANewJarChangesIt(@TempDir Path dir) throws Exception {
        Path jar = Files.write(dir.resolve("adapthub.jar"), new byte[] {1, 2, 3});
        String replicaA = BuildStamp.of(jar.toFile());
        String replicaB = BuildStamp.of(new File(jar.toString()));

        Files.write(jar, new byte[] {1, 2, 3, 4});
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(jar).toMillis() + 60_000));

        assertThat(replicaA).isEqualTo(replicaB);
        assertThat(BuildStamp.of(jar.toFile())).isNotEqualTo(replicaA);
    }

    @Test
    void classFoldersGiveEachStartAStampOfItsOwn(@TempDir Path classes) {
        assertThat(BuildStamp.of(classes.toFile())).isNotEqualTo(BuildStamp.of(classes.toFile()))
                .startsWith("process/");
        assertThat(BuildStamp.of(null)).startsWith("process/");
    }
}
