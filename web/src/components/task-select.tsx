import type { TaskSummary } from '../api-types.ts';
import { humanize } from '../format.ts';

/**
 * The labelled "Task" select of a multi-task benchmark, its tasks in the benchmark's order (an array, not
 * a record: task ids made of digits would be reordered as object keys).
 *
 * @example
 * <TaskSelect tasks={benchmark.tasks} value={task.id} onChange={chooseTask} />
 */
export function TaskSelect({
  tasks,
  value,
  onChange,
}: {
  tasks: readonly TaskSummary[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <div className="filters">
      <label>
        Task
        <select name="task" value={value} onChange={(event) => onChange(event.target.value)}>
          {tasks.map((task) => (
            <option key={task.id} value={task.id}>
              {task.title} ({humanize(task.metric).toLowerCase()})
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
