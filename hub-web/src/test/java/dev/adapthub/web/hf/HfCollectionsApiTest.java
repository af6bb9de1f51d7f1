package dev.adapthub.web.hf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.collection.CollectionService;
import dev.adapthub.core.repo.NewRepo;
import dev.adapthub.core.repo.Repo;
import dev.adapthub.core.repo.RepoKind;
import dev.adapthub.core.repo.RepoService;
import dev.adapthub.core.token.TokenScope;
import dev.adapthub.web.support.HubWebTest;
import dev.adapthub.web.support.TestAccounts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collections as the Python client's {@code get_collection}, {@code add_collection_item} and
 * {@code delete_collection_item} read them (the JavaScript client 2.17.5 has no functions for these):
 * items with {@code _id}, {@code type}, {@code id}, {@code position} and {@code note}; private
 * repositories and private collections stay hidden; refusals change nothing.
 */
@HubWebTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HfCollectionsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired TestAccounts accounts;
    @Autowired RepoService repos;
    @Autowired CollectionService collections;

    Account owner;
    String token;
    Account stranger;
    String strangerToken;
    Repo model;
    Repo secret;

    @BeforeAll
    void setUp() {
        owner = accounts.create("kits");
        token = accounts.token(owner, TokenScope.WRITE);
        stranger = accounts.create("outsider");
        strangerToken = accounts.token(stranger, TokenScope.WRITE);
        model = repos.create(owner, new NewRepo(RepoKind.MODEL, null, "qwen-npu", false));
        secret = repos.create(owner, new NewRepo(RepoKind.DATASET, null, "calibration", true));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String bearer, String body)
            throws Exception {
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(MockHttpServletResponse response) throws Exception {
        return JSON.readValue(response.getContentAsString(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> collection) {
        return (List<Map<String, Object>>) collection.get("items");
    }

    private String create(String title, boolean isPrivate) throws Exception {
        MockHttpServletResponse created = call(post("/api/collections"), token, "{\"title\": \"" + title
                + "\", \"namespace\": \"" + owner.name() + "\", \"private\": " + isPrivate + "}");
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
        return (String) object(created).get("slug");
    }

    @Test
    void itemsCarryTheFieldsThePythonClientReadsAndPrivateOnesAreShownOnlyToThoseWhoMayRead() throws Exception {
        String slug = create("Kit for 910B", false);

        MockHttpServletResponse added = call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + model.fullName() + "\"}, \"note\": \"bf16 <ok>\"}");
        call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"dataset\", \"id\": \"" + secret.fullName() + "\"}}");

        assertThat(added.getStatus()).isEqualTo(200);
        Map<String, Object> asOwner = object(call(get("/api/collections/" + slug), token, null));
        assertThat(asOwner).containsEntry("slug", slug).containsEntry("title", "Kit for 910B")
                .containsEntry("private", false).containsKeys("lastUpdated", "theme", "upvotes", "position", "owner");
        assertThat(items(asOwner)).hasSize(2);
        Map<String, Object> first = items(asOwner).get(0);
        assertThat(first).containsEntry("type", "model").containsEntry("id", model.fullName())
                .containsEntry("position", 0).containsEntry("note", Map.of("text", "bf16 <ok>",
                        "html", "bf16 &lt;ok&gt;"));
        assertThat((String) first.get("_id")).matches("[0-9a-f]{24}");
        Map<String, Object> anonymous = object(call(get("/api/collections/" + slug), null, null));
        assertThat(items(anonymous)).extracting(i -> i.get("id")).containsExactly(model.fullName());
    }

    @Test
    void removingAnItemUsesItsObjectIdAndRefusalsChangeNothing() throws Exception {
        String slug = create("Removals", false);
        call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + model.fullName() + "\"}}");
        String itemId = (String) items(object(call(get("/api/collections/" + slug), token, null))).get(0).get("_id");

        MockHttpServletResponse duplicate = call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + model.fullName() + "\"}}");
        MockHttpServletResponse space = call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"space\", \"id\": \"" + model.fullName() + "\"}}");
        MockHttpServletResponse hidden = call(post("/api/collections/" + slug + "/items"), strangerToken,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + model.fullName() + "\"}}");
        MockHttpServletResponse missingRepo = call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + owner.name() + "/nope\"}}");
        MockHttpServletResponse byRepoName = call(delete("/api/collections/" + slug + "/items/"
                + model.fullName().replace("/", "%2F")), token, null);
        MockHttpServletResponse strangerRemoves = call(delete("/api/collections/" + slug + "/items/" + itemId),
                strangerToken, null);

        assertThat(duplicate.getStatus()).isEqualTo(409);
        assertThat(space.getStatus()).isEqualTo(400);
        assertThat(space.getHeader("X-Error-Message")).contains("models, datasets and tools");
        assertThat(hidden.getStatus()).isEqualTo(403);
        assertThat(missingRepo.getStatus()).isEqualTo(404);
        assertThat(missingRepo.getHeader("X-Error-Code")).isEqualTo("RepoNotFound");
        assertThat(byRepoName.getStatus()).isIn(400, 404);
        assertThat(strangerRemoves.getStatus()).isEqualTo(403);
        assertThat(items(object(call(get("/api/collections/" + slug), token, null)))).hasSize(1);

        MockHttpServletResponse removed = call(delete("/api/collections/" + slug + "/items/" + itemId), token, null);
        assertThat(removed.getStatus()).isEqualTo(200);
        assertThat(items(object(call(get("/api/collections/" + slug), token, null)))).isEmpty();
    }

    @Test
    void aPrivateCollectionIsInvisibleToOthersAndBadCreationsCreateNothing() throws Exception {
        String slug = create("Internal kit", true);

        MockHttpServletResponse anonymous = call(get("/api/collections/" + slug), null, null);
        MockHttpServletResponse outsider = call(get("/api/collections/" + slug), strangerToken, null);
        List<?> listedForOutsider = JSON.readValue(call(get("/api/collections?owner=" + owner.name()), strangerToken,
                null).getContentAsString(), List.class);
        MockHttpServletResponse noTitle = call(post("/api/collections"), token, "{\"namespace\": \"" + owner.name()
                + "\"}");
        MockHttpServletResponse foreignNamespace = call(post("/api/collections"), strangerToken, "{\"title\": \"Mine\","
                + " \"namespace\": \"" + owner.name() + "\"}");
        MockHttpServletResponse badItem = call(post("/api/collections"), token, "{\"title\": \"With item\","
                + " \"namespace\": \"" + owner.name() + "\", \"item\": {\"type\": \"model\", \"id\": \"x/none\"}}");
        MockHttpServletResponse badSort = call(get("/api/collections?sort=random"), null, null);

        assertThat(anonymous.getStatus()).isEqualTo(404);
        assertThat(outsider.getStatus()).isEqualTo(404);
        assertThat(listedForOutsider).noneMatch(c -> slug.equals(((Map<?, ?>) c).get("slug")));
        assertThat(noTitle.getStatus()).isEqualTo(422);
        assertThat(noTitle.getHeader("X-Error-Message")).contains("title");
        assertThat(foreignNamespace.getStatus()).isEqualTo(403);
        assertThat(badItem.getStatus()).isEqualTo(404);
        assertThat(badSort.getStatus()).isEqualTo(400);
        List<?> own = JSON.readValue(call(get("/api/collections?owner=" + owner.name()), token, null)
                .getContentAsString(), List.class);
        List<Object> titles = own.stream().map(c -> ((Map<?, ?>) c).get("title")).map(Object.class::cast).toList();
        assertThat(titles).contains("Internal kit").doesNotContain("Mine", "With item");
    }

    @Test
    void aCollectionMayBeCreatedWithItsFirstItem() throws Exception {
        MockHttpServletResponse created = call(post("/api/collections"), token, "{\"title\": \"Started with one\","
                + " \"namespace\": \"" + owner.name() + "\", \"item\": {\"type\": \"model\", \"id\": \""
                + model.fullName() + "\"}}");

        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(200);
        assertThat(items(object(created))).extracting(i -> i.get("id")).containsExactly(model.fullName());
        List<?> byItem = JSON.readValue(call(get("/api/collections?item=models/" + model.fullName()), null, null)
                .getContentAsString(), List.class);
        List<Object> slugs = byItem.stream().map(c -> ((Map<?, ?>) c).get("slug")).map(Object.class::cast).toList();
        assertThat(slugs).contains(object(created).get("slug"));
    }

    @Test
    void theCollectionPageListsTheRepositoriesTheViewerMayRead() throws Exception {
        String slug = create("Page kit", false);
        call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"model\", \"id\": \"" + model.fullName() + "\"}, \"note\": \"start here\"}");
        call(post("/api/collections/" + slug + "/items"), token,
                "{\"item\": {\"type\": \"dataset\", \"id\": \"" + secret.fullName() + "\"}}");
        String hidden = create("Hidden page kit", true);

        MockHttpServletResponse anonymous = mvc.perform(get("/collections/" + slug)).andReturn().getResponse();
        MockHttpServletResponse asOwner = mvc.perform(get("/collections/" + slug)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user(accounts.principal(owner)))).andReturn().getResponse();
        MockHttpServletResponse privatePage = mvc.perform(get("/collections/" + hidden)).andReturn().getResponse();

        assertThat(anonymous.getStatus()).isEqualTo(200);
        assertThat(anonymous.getContentAsString()).contains("Page kit", model.fullName(), "start here",
                "/" + model.fullName() + "/adaptations").doesNotContain(secret.fullName());
        assertThat(asOwner.getContentAsString()).contains(model.fullName(), secret.fullName());
        assertThat(privatePage.getStatus()).isEqualTo(404);
        assertThat(privatePage.getContentAsString()).doesNotContain("Hidden page kit");
    }
}
