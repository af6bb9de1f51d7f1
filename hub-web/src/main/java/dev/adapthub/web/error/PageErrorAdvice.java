package dev.adapthub.web.error;

import dev.adapthub.core.common.HubException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Maps the domain's exceptions to error pages with the right status. The domain's messages
 * are written for the person who sent the request, so they are shown (escaped).
 */
@ControllerAdvice(basePackages = "dev.adapthub.web")
class PageErrorAdvice {

    @ExceptionHandler(HubException.class)
    ModelAndView handle(HubException e, HttpServletRequest request) {
        return page(request, HubStatus.of(e), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, ParameterErrors.message(e));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        return page(request, HttpStatus.BAD_REQUEST, ParameterErrors.message(e));
    }

    private static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
        ClientErrorLog.log(request, status.value(), message);
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        page.addObject("requestId", RequestIdFilter.idOf(request));
        return page;
    }
}
