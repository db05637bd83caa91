package org.compromiso.reminders;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The task link of mails and calendar entries: a path of ours that opens the task in Tasklist. Tasklist names a
 * task in the URL's fragment ({@code #/?task=...}), which a browser never sends to the server, so a link straight
 * to it lost the task at sign-in; this path survives it (Spring Security keeps the request while the user signs in)
 * and then redirects to Tasklist with the fragment.
 */
@Controller
class TaskLinks {

    static final String PATH = "/tasks/";
    // engine ids (numbers, UUIDs); nothing else is written into the redirect
    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @GetMapping(PATH + "{taskId}")
    ResponseEntity<Void> open(@PathVariable String taskId, HttpServletRequest request) {
        if (!TASK_ID.matcher(taskId).matches()) {
            return ResponseEntity.notFound().build();
        }
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, request.getContextPath() + "/camunda/app/tasklist/default/#/?task=" + taskId)
                .build();
    }
}
