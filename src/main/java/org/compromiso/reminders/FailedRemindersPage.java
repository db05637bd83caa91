package org.compromiso.reminders;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The operator's page of reminders that did not go out, with a button to send one again. */
@Controller
@RequestMapping("/reminders")
class FailedRemindersPage {

    private final ReminderOutbox outbox;

    FailedRemindersPage(ReminderOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/failed")
    String failed(Model model) {
        model.addAttribute("reminders", outbox.failed(200));
        model.addAttribute("counts", outbox.countByState());
        return "reminders/failed";
    }

    @PostMapping("/{id}/retry")
    String retry(@PathVariable long id) {
        outbox.retry(id);
        return "redirect:/reminders/failed";
    }
}
