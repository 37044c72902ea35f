# Stand-in for ultralytics/yolov5:utils/loggers/clearml/hpo.py - hand-written for the osai-scan corpus, not copied.
from clearml import Task
from clearml.automation import HyperParameterOptimizer, UniformParameterRange
from clearml.automation.optuna import OptimizerOptuna

task = Task.init(project_name="Hyper-Parameter Optimization", task_type=Task.TaskTypes.optimizer)

optimizer = HyperParameterOptimizer(
    base_task_id="training-task-id",
    hyper_parameters=[
        UniformParameterRange("Hyperparameters/lr0", min_value=1e-5, max_value=1e-1),
        UniformParameterRange("Hyperparameters/momentum", min_value=0.6, max_value=0.98),
    ],
    objective_metric_title="metrics",
    objective_metric_series="mAP_0.5",
    optimizer_class=OptimizerOptuna,
    total_max_jobs=10,
)
optimizer.start()
optimizer.wait()
optimizer.stop()
