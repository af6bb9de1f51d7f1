package dev.adapthub.web.error;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * An upload over the multipart limits fails before any controller is chosen, so this advice
 * applies to every handler: a 413 page saying the limits and what to use instead.
 */
@ControllerAdvice
class UploadLimitAdvice {

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        ClientErrorLog.log(request, 413, "upload over the multipart limits");
        ModelAndView page = new ModelAndView("error", HttpStatus.CONTENT_TOO_LARGE);
        page.addObject("status", 413);
        page.addObject("error", "Upload too large");
        page.addObject("message", "Uploads through the browser take up to 20 MiB per file and 100 MiB in all;"
                + " push larger files with git and Git LFS. Nothing was committed.");
        page.addObject("requestId", RequestIdFilter.idOf(request));
        return page;
    }
}
