package org.compromiso.workflow;

/**
 * An empty Camunda Form for the tests' own trial processes: every deployment must carry the form of each user task
 * (the model rules), and a trial task asks for nothing.
 */
public final class TrialForm {

    public static final String ID = "Form_Trial";
    public static final String RESOURCE = "trial.form";
    public static final String JSON = "{\"id\": \"" + ID + "\", \"type\": \"default\", \"components\": []}";
    /** The attributes that give a user task this form, for models written as XML. */
    public static final String ATTRIBUTES = "camunda:formRef=\"" + ID + "\" camunda:formRefBinding=\"deployment\"";

    private TrialForm() {
    }
}
