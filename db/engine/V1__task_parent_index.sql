-- The engine looks up a task's subtasks whenever a task ends (SELECT * FROM ACT_RU_TASK WHERE PARENT_TASK_ID_ = ?),
-- and its schema has no index for that column (reported upstream: camunda/camunda#36824). Without one, every
-- completion read every open task: 16 ms at 23,600 open tasks, the largest single cost of a completion at that size,
-- growing with the open tasks (README, Performance). A fork's schema may add an index of its own; a second one costs
-- an insert a little, nothing else.
CREATE INDEX IF NOT EXISTS compromiso_task_parent_idx ON act_ru_task (parent_task_id_);
