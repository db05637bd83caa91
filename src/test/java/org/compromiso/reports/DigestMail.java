package org.compromiso.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads a leadership digest as its reader would: the plain-text body and the attached PDF's text. */
final class DigestMail {

    private static final String[] STATUSES = {"ON_TRACK", "AT_RISK", "OVERDUE", "DONE", "NOT_IMPLEMENTED", "CANCELLED"};

    private DigestMail() {
    }

    /** The counts block of the English body for these counts (JSON {@code counts}: status to number). */
    static String summary(JsonNode counts) {
        var text = new StringBuilder("Commitments by status:\n");
        for (int i = 0; i < STATUSES.length; i++) {
            text.append("  ").append(StatusReportTest.STATUS_LABELS.get(i)).append(": ")
                    .append(counts.get(STATUSES[i]).asLong()).append('\n');
        }
        return text.toString();
    }

    static String body(Part message) throws MessagingException, IOException {
        Part text = find(message, "text/plain", false);
        assertThat(text).as("a plain-text body").isNotNull();
        return ((String) text.getContent()).replace("\r\n", "\n");
    }

    static String pdfText(Part message) throws MessagingException, IOException {
        Part pdf = find(message, "application/pdf", true);
        assertThat(pdf).as("a PDF attachment").isNotNull();
        assertThat(pdf.getFileName()).matches("status-[0-9]{4}-[0-9]{2}-[0-9]{2}\\.pdf");
        try (var document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Part find(Part part, String type, boolean attachment) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            var parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                Part found = find(parts.getBodyPart(i), type, attachment);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        boolean isAttachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        return part.isMimeType(type) && isAttachment == attachment ? part : null;
    }
}
