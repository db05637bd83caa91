package org.compromiso.reports;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compromiso.engine.ModelProperties;
import org.springframework.stereotype.Component;

/**
 * Counts a commitment's steps on the path its process takes, not the tasks it has created so far: the steps done,
 * plus the steps still ahead of its open ones to the end that the process is drawn for. "Ahead" follows the
 * model: every branch of a parallel split up to its join, and at a choice the longest way that does not go back
 * (the way the commitment succeeds; a decline that loops back, or an abandonment, is shorter). A recurring step
 * (a progress update started by a non-interrupting timer) is work beside the path, not a step of it.
 */
@Component
class ProcessSteps {

    // the same property commitments' TaskNames reads (reports may not depend on commitments)
    private static final String SPANISH_NAME = "name.es";

    private final RepositoryService repository;
    private final Map<String, Model> models = new ConcurrentHashMap<>();

    ProcessSteps(RepositoryService repository) {
        this.repository = repository;
    }

    /** Steps done and steps on the path, from the task keys done (once per completion) and the open ones. */
    Progress progress(String processDefinitionId, List<String> doneTasks, List<String> openTasks,
                      boolean processEnded) {
        if (processDefinitionId == null) {
            return new Progress(doneTasks.size(), doneTasks.size() + openTasks.size());
        }
        Model model = models.computeIfAbsent(processDefinitionId,
                id -> new Model(repository.getBpmnModelInstance(id)));
        int done = (int) doneTasks.stream().filter(key -> !model.recurring(key)).count();
        List<String> open = openTasks.stream().filter(key -> !model.recurring(key)).toList();
        return new Progress(done, done + (processEnded ? 0 : model.ahead(open)));
    }

    record Progress(int done, int onPath) {
    }

    /**
     * A step as the model names it, in that language: in Spanish its extension property {@code name.es} (the task's
     * own name also names the commitment, in its agency's language, so a report does not show it).
     */
    String step(String processDefinitionId, String taskKey, String language) {
        if (processDefinitionId == null) {
            return taskKey;
        }
        Model model = models.computeIfAbsent(processDefinitionId,
                id -> new Model(repository.getBpmnModelInstance(id)));
        return model.name(taskKey, language);
    }

    /** One process model's graph of flow nodes. */
    static final class Model {

        private final BpmnModelInstance bpmn;
        private final Map<String, Integer> aheadOf = new ConcurrentHashMap<>();
        // asked for every step of every commitment of a report: the model's DOM answers it slowly
        private final Map<String, Boolean> recurring = new ConcurrentHashMap<>();

        Model(BpmnModelInstance bpmn) {
            this.bpmn = bpmn;
        }

        String name(String taskKey, String language) {
            if (!(bpmn.getModelElementById(taskKey) instanceof FlowNode step)) {
                return taskKey;
            }
            String english = step.getName() == null ? taskKey : step.getName();
            return "es".equals(language) ? ModelProperties.first(step, SPANISH_NAME).orElse(english) : english;
        }

        boolean recurring(String taskKey) {
            return recurring.computeIfAbsent(taskKey, key -> {
                FlowNode task = bpmn.getModelElementById(key);
                return task != null && !task.getIncoming().isEmpty() && task.getIncoming().stream()
                        .allMatch(flow -> flow.getSource() instanceof BoundaryEvent timer && !timer.cancelActivity());
            });
        }

        /** The steps from the open tasks (themselves included) to the end. */
        int ahead(Collection<String> openTasks) {
            if (openTasks.size() == 1) {
                return aheadOf.computeIfAbsent(openTasks.iterator().next(), key -> steps(node(key), null, new HashSet<>()));
            }
            // open tasks in parallel branches: each one's way to the join, then the way on from it, once
            int steps = 0;
            ParallelGateway join = null;
            for (String key : openTasks) {
                join = join == null ? joinAfter(node(key)) : join;
                steps += steps(node(key), join, new HashSet<>());
            }
            return steps + (join == null ? 0 : steps(join, null, new HashSet<>()));
        }

        private FlowNode node(String key) {
            return bpmn.getModelElementById(key);
        }

        /** User tasks from {@code node} (included) to {@code stop} or an end of the process. */
        private int steps(FlowNode node, FlowNode stop, Set<FlowNode> onTheWay) {
            if (node == null || node == stop || !onTheWay.add(node)) {
                return node == stop ? 0 : -1;
            }
            try {
                int own = node instanceof UserTask ? 1 : 0;
                if (node instanceof SubProcess subProcess) {
                    var start = subProcess.getChildElementsByType(StartEvent.class).stream().findFirst();
                    // the subprocess's end leads on through its own outgoing flow (see EndEvent below)
                    return start.map(event -> steps(event, stop, onTheWay)).orElse(-1);
                }
                if (node instanceof EndEvent && node.getParentElement() instanceof SubProcess subProcess) {
                    return next(subProcess, stop, onTheWay);
                }
                if (node instanceof ParallelGateway && node.getOutgoing().size() > 1) {
                    ParallelGateway join = joinAfter(node);
                    int branches = 0;
                    for (SequenceFlow flow : node.getOutgoing()) {
                        int branch = steps(flow.getTarget(), join, new HashSet<>(onTheWay));
                        if (branch < 0) {
                            return -1;
                        }
                        branches += branch;
                    }
                    int on = join == null ? 0 : steps(join, stop, onTheWay);
                    return on < 0 ? -1 : branches + on;
                }
                int on = next(node, stop, onTheWay);
                return on < 0 ? -1 : own + on;
            } finally {
                onTheWay.remove(node);
            }
        }

        /** The longest way on that does not go back; 0 at an end; -1 when every way goes back. */
        private int next(FlowNode node, FlowNode stop, Set<FlowNode> onTheWay) {
            if (node.getOutgoing().isEmpty()) {
                return 0;
            }
            int best = -1;
            for (SequenceFlow flow : node.getOutgoing()) {
                best = Math.max(best, steps(flow.getTarget(), stop, onTheWay));
            }
            return best;
        }

        /** The first parallel gateway after {@code node} where branches meet. */
        private static ParallelGateway joinAfter(FlowNode node) {
            var queue = new ArrayDeque<FlowNode>(node.getOutgoing().stream().map(SequenceFlow::getTarget).toList());
            var seen = new HashSet<FlowNode>();
            while (!queue.isEmpty()) {
                FlowNode next = queue.poll();
                if (!seen.add(next)) {
                    continue;
                }
                if (next instanceof ParallelGateway gateway && gateway.getIncoming().size() > 1) {
                    return gateway;
                }
                if (next instanceof EndEvent && next.getParentElement() instanceof SubProcess subProcess) {
                    queue.add(subProcess);
                }
                next.getOutgoing().forEach(flow -> queue.add(flow.getTarget()));
            }
            return null;
        }
    }
}
