package dev.adapthub.web.collection;

import dev.adapthub.core.collection.CollectionService;
import dev.adapthub.core.collection.CollectionView;
import dev.adapthub.web.repo.CurrentAccount;
import dev.adapthub.web.security.HubUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A collection's page, {@code /collections/{owner}/{slug}} as on the Hub: its repositories in order
 * with their notes (an adaptation kit: the model, its configs, tools and dataset for one chip). Only
 * the repositories the viewer may read are listed; a collection they may not see is a 404.
 */
@Controller
class CollectionController {

    private final CollectionService collections;
    private final CurrentAccount current;

    CollectionController(CollectionService collections, CurrentAccount current) {
        this.collections = collections;
        this.current = current;
    }

    @GetMapping("/collections/{owner}/{slug}")
    String show(@PathVariable String owner, @PathVariable String slug, @AuthenticationPrincipal HubUser user,
            Model model) {
        CollectionView view = collections.get(owner + "/" + slug, current.of(user));
        model.addAttribute("collection", view.collection());
        model.addAttribute("items", view.items());
        return "collections/show";
    }
}
