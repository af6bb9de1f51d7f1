package dev.adapthub.core.bootstrap;

import dev.adapthub.core.account.Account;
import dev.adapthub.core.org.NewOrganization;
import dev.adapthub.core.org.OrganizationService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo content the default profile starts with. Each item is created only when
 * missing, so a restart (or a crash half way) never duplicates anything.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    static final List<NewOrganization> ORGANIZATIONS = List.of(
            new NewOrganization("meta-llama", "Meta Llama", "Llama model family."),
            new NewOrganization("Qwen", "Qwen", "Qwen model family from Alibaba Cloud."),
            new NewOrganization("deepseek-ai", "DeepSeek", "DeepSeek models, including MLA and MoE architectures."),
            new NewOrganization("mistralai", "Mistral AI", "Mistral and Mixtral models."),
            new NewOrganization("vllm-project", "vLLM", "A high-throughput inference engine, with the vllm-ascend plugin."),
            new NewOrganization("ggml-org", "ggml", "llama.cpp and the GGUF format: inference on CPUs and GPUs."),
            new NewOrganization("ascend-community", "Ascend adapters",
                    "Adaptations of open models to Huawei Ascend NPUs (MindIE, vllm-ascend)."));

    private final OrganizationService organizations;

    DemoSeeder(OrganizationService organizations) {
        this.organizations = organizations;
    }

    @Transactional
    public void seed(Account owner) {
        int created = 0;
        for (NewOrganization organization : ORGANIZATIONS) {
            if (organizations.findByName(organization.name()).isEmpty()) {
                organizations.create(owner.id(), organization);
                created++;
            }
        }
        if (created > 0) {
            log.info("Seeded {} demo organizations.", created);
        }
    }
}
