package dev.adapthub.web.hf;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /{repo}/discussions/{n}}, the pull request address the Hugging Face clients expect (the
 * Python client reads the number from it), leads to the hub's pull request page {@code /{repo}/pulls/{n}}.
 */
@Controller
class DiscussionLinks {

    @GetMapping({"/{owner}/{name}/discussions/{number:[0-9]{1,18}}",
            "/{kind:datasets|tools}/{owner}/{name}/discussions/{number:[0-9]{1,18}}"})
    String pullPage(@PathVariable String owner, @PathVariable String name, @PathVariable String number,
            HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "redirect:" + path.substring(0, path.lastIndexOf("/discussions/")) + "/pulls/" + number;
    }
}
