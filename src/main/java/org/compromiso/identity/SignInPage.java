package org.compromiso.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one sign-in page of every surface, naming the service, in the language the browser asks for (nobody is
 * known yet). Spring Security takes the form's POST; Tasklist's, Cockpit's and Admin's own login forms are never
 * shown (see {@code webjars/camunda/app/tasklist/scripts/compromiso-sign-in.js}).
 */
@Controller
class SignInPage {

    @GetMapping("/login")
    String signIn() {
        return "login";
    }
}
