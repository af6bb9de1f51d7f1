package dev.adapthub.web.http;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Tells handlers that render a page apart from those that answer with a body of their own (the
 * Hugging Face API, {@code /resolve}, downloads). Work that only a page's layout needs, such as
 * counting the viewer's unread notifications for the header, is skipped for the second kind: in
 * the issue #15 profile of a signed-in {@code /resolve}, that count was a twelfth of the request.
 */
public final class ViewHandlers {

    private ViewHandlers() {
    }

    /**
     * True for a controller method that returns a view name or a {@code ModelAndView}: not
     * {@code @ResponseBody} (nor in a {@code @RestController}), not an {@link HttpEntity}, not void
     * (such methods write the response themselves).
     */
    public static boolean rendersView(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        if (method.hasMethodAnnotation(ResponseBody.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ResponseBody.class)) {
            return false;
        }
        Class<?> type = method.getReturnType().getParameterType();
        return !HttpEntity.class.isAssignableFrom(type) && type != void.class;
    }
}
