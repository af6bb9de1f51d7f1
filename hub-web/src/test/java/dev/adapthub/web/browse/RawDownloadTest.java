package dev.adapthub.web.browse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.repo.content.RepoWrites;
import dev.adapthub.git.store.RepositoryStore;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectInserter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** {@code /resolve}: bytes, the Hugging Face headers, ranges, conditional requests and error codes. */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawDownloadTest {

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired RepoWrites writes;
    @Autowired RepositoryStore store;

    BrowseFixture f;

    @BeforeAll
    void createRepository() throws Exception {
        f = new BrowseFixture(accounts.create("raw"), repos, writes, store);
    }

    private MockHttpServletResponse fetch(String url, String... headers) throws Exception {
        var request = get(URI.create(url));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private static String blobId(byte[] content) {
        return new ObjectInserter.Formatter().idFor(Constants.OBJ_BLOB, content).name();
    }

    @Test
    void aTextFileComesAsPlainTextWithItsBlobIdAndTheCommit() throws Exception {
        MockHttpServletResponse r = fetch(f.base() + "/resolve/main/src/app.py");
        byte[] expected = BrowseFixture.APP_V2.getBytes(StandardCharsets.UTF_8);

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsByteArray()).isEqualTo(expected);
        assertThat(r.getHeader("Content-Length")).isEqualTo(Integer.toString(expected.length));
        assertThat(r.getHeader("ETag")).isEqualTo("\"" + blobId(expected) + "\"");
        assertThat(r.getHeader("X-Repo-Commit")).hasSize(40).isNotEqualTo(f.second.name());
        assertThat(r.getContentType()).startsWith("text/plain");
        assertThat(r.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.getHeader("Accept-Ranges")).isEqualTo("bytes");
        assertThat(r.getHeader("X-Linked-Etag")).isNull();
        assertThat(fetch(f.base() + "/resolve/" + f.second.name() + "/src/app.py").getHeader("X-Repo-Commit"))
                .isEqualTo(f.second.name());
        assertThat(fetch(f.base() + "/resolve/v1/src/app.py").getContentAsString()).isEqualTo(BrowseFixture.APP_V1);
    }

    @Test
    void aBinaryFileIsAnAttachmentAndAnHtmlFileIsNeverServedAsHtml() throws Exception {
        MockHttpServletResponse binary = fetch(f.base() + "/resolve/main/data/blob.bin");
        MockHttpServletResponse readme = fetch(f.base() + "/resolve/main/README.md");

        assertThat(binary.getContentAsByteArray()).isEqualTo(BrowseFixture.BINARY);
        assertThat(binary.getContentType()).isEqualTo("application/octet-stream");
        assertThat(binary.getHeader("Content-Disposition")).startsWith("attachment").contains("blob.bin");
        assertThat(readme.getContentType()).startsWith("text/plain").doesNotContain("html");
    }

    @Test
    void anLfsFileServesTheStoredObjectWithItsSha256() throws Exception {
        MockHttpServletResponse r = fetch(f.base() + "/resolve/main/model.safetensors");

        assertThat(r.getStatus()).isEqualTo(200);
        assertThat(r.getContentAsByteArray()).isEqualTo(BrowseFixture.WEIGHTS);
        assertThat(r.getHeader("ETag")).isEqualTo("\"" + f.weightsSha256 + "\"");
        assertThat(r.getHeader("X-Linked-Etag")).isEqualTo("\"" + f.weightsSha256 + "\"");
        assertThat(r.getHeader("X-Linked-Size")).isEqualTo(Integer.toString(BrowseFixture.WEIGHTS.length));
        assertThat(r.getHeader("Content-Length")).isEqualTo(Integer.toString(BrowseFixture.WEIGHTS.length));
    }

    @Test
    void rangesGive206AndOutOfRangeGives416() throws Exception {
        MockHttpServletResponse part = fetch(f.base() + "/resolve/main/model.safetensors", "Range", "bytes=8-12");
        MockHttpServletResponse tail = fetch(f.base() + "/resolve/main/src/app.py", "Range", "bytes=-3");
        MockHttpServletResponse beyond = fetch(f.base() + "/resolve/main/src/app.py", "Range", "bytes=9999-");

        assertThat(part.getStatus()).isEqualTo(206);
        assertThat(part.getContentAsString()).isEqualTo("these");
        assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 8-12/" + BrowseFixture.WEIGHTS.length);
        assertThat(part.getHeader("Content-Length")).isEqualTo("5");
        int size = BrowseFixture.APP_V2.length();
        assertThat(tail.getStatus()).isEqualTo(206);
        assertThat(tail.getContentAsString()).isEqualTo(BrowseFixture.APP_V2.substring(size - 3));
        assertThat(beyond.getStatus()).isEqualTo(416);
        assertThat(beyond.getHeader("Content-Range")).isEqualTo("bytes */" + size);
    }

    @Test
    void aMatchingIfNoneMatchIs304AndHeadSendsHeadersOnly() throws Exception {
        String etag = fetch(f.base() + "/resolve/main/src/app.py").getHeader("ETag");

        MockHttpServletResponse notModified = fetch(f.base() + "/resolve/main/src/app.py", "If-None-Match", etag);
        MockHttpServletResponse changed = fetch(f.base() + "/resolve/main/src/app.py", "If-None-Match", "\"other\"");
        MockHttpServletResponse headOnly = mvc.perform(head(URI.create(f.base() + "/resolve/main/model.safetensors")))
                .andReturn().getResponse();

        assertThat(notModified.getStatus()).isEqualTo(304);
        assertThat(notModified.getContentAsByteArray()).isEmpty();
        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(headOnly.getStatus()).isEqualTo(200);
        assertThat(headOnly.getContentAsByteArray()).isEmpty();
        assertThat(headOnly.getHeader("Content-Length")).isEqualTo(Integer.toString(BrowseFixture.WEIGHTS.length));
        assertThat(headOnly.getHeader("X-Linked-Etag")).isEqualTo("\"" + f.weightsSha256 + "\"");
        assertThat(headOnly.getHeader("X-Repo-Commit")).hasSize(40);
    }

    @Test
    void missingThingsAre404WithTheHuggingFaceErrorCodes() throws Exception {
        MockHttpServletResponse noRepo = fetch("/" + f.owner.name() + "/no-such-repo/resolve/main/x.txt");
        MockHttpServletResponse noRev = fetch(f.base() + "/resolve/nope/src/app.py");
        MockHttpServletResponse noFile = fetch(f.base() + "/resolve/main/src/missing.py");
        MockHttpServletResponse datasetPrefix = fetch("/datasets/" + f.repo.fullName() + "/resolve/main/src/app.py");

        assertThat(noRepo.getStatus()).as("anonymous: 401, as the Hub answers").isEqualTo(401);
        assertThat(noRepo.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(noRev.getStatus()).isEqualTo(404);
        assertThat(noRev.getHeader("X-Error-Code")).isEqualTo("RevisionNotFound");
        assertThat(noRev.getHeader("X-Error-Message")).contains("nope");
        assertThat(noFile.getStatus()).isEqualTo(404);
        assertThat(noFile.getHeader("X-Error-Code")).isEqualTo("EntryNotFound");
        assertThat(noFile.getHeader("X-Error-Message")).contains("src/missing.py");
        // A model is not a dataset: the kind is part of the address.
        assertThat(datasetPrefix.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
    }
}
