package dev.adapthub.web.chip;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.adapthub.web.support.HubWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@HubWebTest
class ChipPagesTest {

    @Autowired MockMvc mvc;

    @Test
    void theCatalogListsEveryFamilyWithRuntimeVisibleMemory() throws Exception {
        mvc.perform(get("/chips"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ascend-910b3")))
                .andExpect(content().string(containsString("nvidia-rtx-3090")))
                .andExpect(content().string(containsString("intel-xeon-8480")))
                .andExpect(content().string(containsString("23.58 GiB")))
                .andExpect(content().string(containsString("Every backend on the class path loaded")));
    }

    @Test
    void aChipPageCitesTheSourceOfEveryFigure() throws Exception {
        mvc.perform(get("/chips/nvidia-a100-80g-sxm"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("79.15")))
                .andExpect(content().string(containsString("id=\"sources\"")))
                .andExpect(content().string(containsString("https://")));
    }

    @Test
    void anUnknownChipIsA404ThatEscapesWhatWasAsked() throws Exception {
        mvc.perform(get("/chips/not-a-chip")).andExpect(status().isNotFound())
                .andExpect(content().string(containsString("No chip")));
        mvc.perform(get("/chips/<script>alert(1)</script>")).andExpect(status().isNotFound())
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }
}
