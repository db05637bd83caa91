package org.compromiso.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.compromiso.commitments.CommitmentKinds;
import org.compromiso.commitments.KindDeclaration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The rules every process model keeps before the engine takes it, from {@code bpmn/} at start-up or from an
 * administrator over {@code /engine-rest}: on every user task a due date, a candidate group and a form of the same
 * deployment (else the task is never reminded, nobody sees it, or Tasklist shows nothing to fill); a history
 * time-to-live; readable ids, because they show up in history, logs and reminders; and only expressions that
 * reach the beans {@code bpmn/} names (the sandbox would refuse the others when they run, a deployment is the
 * moment to say so). A process that declares the kind it serves ({@link KindDeclaration}) declares it whole, with
 * parties the service knows, and no other process serves that kind.
 */
@Component
public class ModelRules {

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    // Camunda Modeler's ids such as Activity_0xrmvgg or Flow_1a2b3c4: a prefix, then 7 characters with a digit
    private static final Pattern GENERATED_ID = Pattern.compile("^[A-Za-z]+_(?=[0-9a-z]*[0-9])[0-9a-z]{7}$");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9]*)}$");
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][\\w]*");
    private static final String DUE_BEFORE_LISTENER = "${dueBeforeListener}";

    private final ApplicationContext context;
    private final CommitmentKinds kinds;
    private volatile Set<String> allowedBeans;

    ModelRules(ApplicationContext context, CommitmentKinds kinds) {
        this.context = context;
        this.kinds = kinds;
    }

    /** Every rule the model breaks, each naming its element; {@code formIds} are the forms of its deployment. */
    public List<ModelRuleBreach> check(BpmnModelInstance model, Set<String> formIds) {
        var breaches = new ArrayList<ModelRuleBreach>();
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.isExecutable() && process.getCamundaHistoryTimeToLiveString() == null) {
                breaches.add(new ModelRuleBreach(process.getId(), ModelRuleBreach.Rule.HISTORY_TIME_TO_LIVE,
                        "a process needs camunda:historyTimeToLive (how long its history is kept)"));
            }
            KindDeclaration.of(process).ifPresent(kind -> checkKind(process.getId(), kind, breaches));
        }
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            if (element.getId() != null && GENERATED_ID.matcher(element.getId()).matches()) {
                breaches.add(new ModelRuleBreach(element.getId(), ModelRuleBreach.Rule.READABLE_ID,
                        "a generated id; name the element after what it is (Task_ReviewBudget, Flow_ToReview)"));
            }
        }
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            checkUserTask(task, formIds, breaches);
        }
        checkExpressions(model.getDocument().getDomSource().getNode(), breaches);
        return breaches;
    }

    private void checkKind(String processId, KindDeclaration kind, List<ModelRuleBreach> breaches) {
        var problems = kind.problems();
        if (problems.isEmpty()) {
            problems = kinds.problemsWith(kind, processId);
        }
        problems.forEach(problem -> breaches.add(new ModelRuleBreach(processId, ModelRuleBreach.Rule.KIND, problem)));
    }

    private void checkUserTask(UserTask task, Set<String> formIds, List<ModelRuleBreach> breaches) {
        if (task.getCamundaDueDate() == null && !hasDueBeforeListener(task)) {
            breaches.add(new ModelRuleBreach(task.getId(), ModelRuleBreach.Rule.DUE_DATE,
                    "a user task needs camunda:dueDate or the task listener ${dueBeforeListener} (else it is never reminded)"));
        }
        String groups = task.getCamundaCandidateGroups();
        if (groups == null || groups.isBlank()) {
            breaches.add(new ModelRuleBreach(task.getId(), ModelRuleBreach.Rule.CANDIDATE_GROUP,
                    "a user task needs camunda:candidateGroups (the agency whose coordinators do it)"));
        }
        String formRef = task.getAttributeValueNs(CAMUNDA, "formRef");
        if (formRef == null || !"deployment".equals(task.getAttributeValueNs(CAMUNDA, "formRefBinding"))) {
            breaches.add(new ModelRuleBreach(task.getId(), ModelRuleBreach.Rule.FORM,
                    "a user task needs camunda:formRef with camunda:formRefBinding=\"deployment\""));
        } else if (!formIds.contains(formRef)) {
            breaches.add(new ModelRuleBreach(task.getId(), ModelRuleBreach.Rule.FORM,
                    "form " + formRef + " is not in the deployment (deploy its .form file with the process)"));
        }
    }

    private static boolean hasDueBeforeListener(UserTask task) {
        return task.getExtensionElements() != null && task.getExtensionElements().getElementsQuery()
                .filterByType(CamundaTaskListener.class).list().stream()
                .anyMatch(listener -> DUE_BEFORE_LISTENER.equals(listener.getCamundaDelegateExpression()));
    }

    /** Walks the whole document: an expression may sit in any attribute or text, of BPMN or of Camunda. */
    private void checkExpressions(Node node, List<ModelRuleBreach> breaches) {
        if (node instanceof Element element) {
            String local = element.getLocalName();
            if (BPMN.equals(element.getNamespaceURI()) && "scriptTask".equals(local)
                    || CAMUNDA.equals(element.getNamespaceURI()) && "script".equals(local)) {
                breaches.add(new ModelRuleBreach(owner(element), ModelRuleBreach.Rule.ALLOWED_EXPRESSIONS,
                        "scripts are not allowed: they run outside the expression sandbox; call a bean of bpmn/"));
            }
            var attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                checkAttribute((Attr) attributes.item(i), element, breaches);
            }
        } else if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
            checkExpression(node.getNodeValue(), owner(node.getParentNode()), breaches);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            checkExpressions(child, breaches);
        }
    }

    private void checkAttribute(Attr attribute, Element element, List<ModelRuleBreach> breaches) {
        String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
        // camunda:class on a BPMN element, plain class on a Camunda listener
        boolean camunda = CAMUNDA.equals(attribute.getNamespaceURI()) || CAMUNDA.equals(element.getNamespaceURI());
        if (camunda && "class".equals(name)) {
            breaches.add(new ModelRuleBreach(owner(element), ModelRuleBreach.Rule.ALLOWED_EXPRESSIONS,
                    "camunda:class is not allowed: use camunda:delegateExpression with a bean of bpmn/"));
        } else if ("delegateExpression".equals(name)) {
            Matcher bean = BEAN_REFERENCE.matcher(attribute.getValue().strip());
            if (!bean.matches() || !allowedBeans().contains(bean.group(1))) {
                breaches.add(new ModelRuleBreach(owner(element), ModelRuleBreach.Rule.ALLOWED_EXPRESSIONS,
                        "delegate " + attribute.getValue() + " is not a bean the processes of bpmn/ use ("
                                + String.join(", ", allowedBeans()) + ")"));
            }
        } else {
            checkExpression(attribute.getValue(), owner(element), breaches);
        }
    }

    private void checkExpression(String text, String elementId, List<ModelRuleBreach> breaches) {
        if (text == null) {
            return;
        }
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher identifier = IDENTIFIER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
            while (identifier.find()) {
                String name = identifier.group();
                if (ReflectionRefusal.REFUSED_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
                    breaches.add(new ModelRuleBreach(elementId, ModelRuleBreach.Rule.ALLOWED_EXPRESSIONS,
                            expression.group() + " uses " + name + ": no reflection and no engine services in expressions"));
                } else if (!allowedBeans().contains(name) && context.containsBean(name)) {
                    breaches.add(new ModelRuleBreach(elementId, ModelRuleBreach.Rule.ALLOWED_EXPRESSIONS,
                            expression.group() + " reaches the bean " + name + ", which no process of bpmn/ uses"));
                }
            }
        }
    }

    /** The id of the element an attribute or text belongs to: the nearest ancestor with one. */
    private static String owner(Node node) {
        for (Node at = node; at instanceof Element element; at = at.getParentNode()) {
            if (element.hasAttribute("id")) {
                return element.getAttribute("id");
            }
        }
        return "definitions";
    }

    private Set<String> allowedBeans() {
        if (allowedBeans == null) {
            allowedBeans = ModelBeans.of(context).names();
        }
        return allowedBeans;
    }
}
