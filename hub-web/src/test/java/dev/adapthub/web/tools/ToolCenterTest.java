package dev.adapthub.web.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import dev.adapthub.web.support.SeededHubTest;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The Tool Center lists the seeded tools with their cards and filters them by chip family, vendor, chip, category and text. */
@SeededHubTest
class ToolCenterTest {

    static final Pattern TOOL = Pattern.compile("class=\"tool-link\" href=\"/tools/([^\"]+)\"");

    @Autowired MockMvc mvc;

    List<String> tools(MockHttpServletRequestBuilder request) throws Exception {
        String html = mvc.perform(request).andReturn().getResponse().getContentAsString();
        Matcher m = TOOL.matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void everySeededToolIsListedWithWhatItsCardDeclares() throws Exception {
        String html = mvc.perform(get("/tools")).andReturn().getResponse().getContentAsString();

        assertThat(tools(get("/tools"))).contains("vllm-project/vllm", "vllm-project/vllm-ascend",
                "ascend-community/MindIE", "ggml-org/llama.cpp", "vllm-project/llm-compressor",
                "ascend-community/msModelSlim", "ascend-community/msprof");
        assertThat(html).contains("inference-engine").contains("quantizer").contains("profiler").contains("0.10.1")
                .contains("apache-2.0");
    }

    @Test
    void filtersByFamilyVendorChipCategoryAndText() throws Exception {
        assertThat(tools(get("/tools").param("family", "npu"))).contains("vllm-project/vllm-ascend",
                "ascend-community/MindIE", "ggml-org/llama.cpp").doesNotContain("vllm-project/llm-compressor",
                "vllm-project/vllm");
        assertThat(tools(get("/tools").param("vendor", "hisilicon"))).containsExactlyInAnyOrder(
                "vllm-project/vllm", "ggml-org/llama.cpp");
        assertThat(tools(get("/tools").param("chip", "ascend-910b3"))).doesNotContain("vllm-project/vllm")
                .contains("vllm-project/vllm-ascend");
        assertThat(tools(get("/tools").param("category", "quantizer"))).containsExactlyInAnyOrder(
                "vllm-project/llm-compressor", "ascend-community/msModelSlim");
        assertThat(tools(get("/tools").param("q", "gguf"))).containsExactly("ggml-org/llama.cpp");
        assertThat(tools(get("/tools").param("sort", "chips")).get(0)).isEqualTo("ggml-org/llama.cpp");
    }

    @Test
    void hostileFiltersOnlyFilter() throws Exception {
        var response = mvc.perform(get("/tools").param("q", "<script>alert(1)</script>").param("family", "%' or 1=1")
                .param("sort", "<x>")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).doesNotContain("<script>alert(1)").contains("No tool matches");
    }

    @Test
    void aToolPageShowsInstallSupportedChipsAndVersions() throws Exception {
        String html = mvc.perform(get("/tools/vllm-project/vllm-ascend")).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("id=\"install\"").contains("pip install vllm-ascend==0.9.1")
                .contains("id=\"supported-chips\"").contains("href=\"/chips/ascend-910b3\"")
                .contains("id=\"versions\"").contains("v0.9.1");
    }
}
