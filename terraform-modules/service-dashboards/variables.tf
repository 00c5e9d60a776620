variable "name_prefix" {
  description = "Start of every dashboard name, <service>-<environment> (for example order-service-prod); the dashboards are <name_prefix>-overview, -business-metrics and -performance."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "function_names" {
  description = "The service's Lambda functions: a short key (the graph label, e.g. users) to the function name."
  type        = map(string)
}

variable "api_id" {
  description = "ID of the service's API Gateway API; for an HTTP API the ApiId dimension of its metrics."
  type        = string
}

variable "api_kind" {
  description = "http for an API Gateway HTTP API (metrics by ApiId), rest for a REST API (metrics by ApiName and Stage, which need api_name and stage_name)."
  type        = string
  default     = "http"

  validation {
    condition     = contains(["http", "rest"], var.api_kind)
    error_message = "api_kind must be http or rest."
  }
}

variable "api_name" {
  description = "Name of the REST API (its ApiName metric dimension); only for api_kind rest."
  type        = string
  default     = null

  validation {
    condition     = var.api_kind != "rest" || var.api_name != null
    error_message = "api_name is required when api_kind is rest."
  }
}

variable "stage_name" {
  description = "Stage of the REST API the graphs show (its Stage metric dimension); only for api_kind rest."
  type        = string
  default     = null

  validation {
    condition     = var.api_kind != "rest" || var.stage_name != null
    error_message = "stage_name is required when api_kind is rest."
  }
}

variable "table_names" {
  description = "The service's DynamoDB tables: a short key (the graph label, e.g. orders) to the table name."
  type        = map(string)
  default     = {}
}

variable "table_operations" {
  description = "DynamoDB operations whose latency the performance dashboard plots for every table."
  type        = list(string)
  default     = ["GetItem", "PutItem", "UpdateItem", "DeleteItem", "Query"]
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the service's own business metrics (POWERTOOLS_METRICS_NAMESPACE)."
  type        = string
  default     = null
}

variable "service_dimension" {
  description = "Value of the Service dimension that Powertools puts on every business metric (POWERTOOLS_SERVICE_NAME)."
  type        = string
  default     = null
}

variable "business_widgets" {
  description = "Graphs of the business metrics dashboard: each plots the named metrics with each of the statistics. With none, that dashboard is not created."
  type = list(object({
    title        = string
    metric_names = list(string)
    stats        = optional(list(string), ["Sum"])
  }))
  default = []

  validation {
    condition     = length(var.business_widgets) == 0 || (var.metrics_namespace != null && var.service_dimension != null)
    error_message = "business_widgets need metrics_namespace and service_dimension to find the metrics."
  }
}

variable "alarm_arns" {
  description = "Alarms whose state the overview dashboard shows at the top (at most 100)."
  type        = list(string)
  default     = []

  validation {
    condition     = length(var.alarm_arns) <= 100
    error_message = "An alarm status widget shows at most 100 alarms."
  }
}

variable "log_group_names" {
  description = "Log groups (JSON format, with a level field) whose recent ERROR and FATAL lines the overview dashboard lists."
  type        = list(string)
  default     = []
}

variable "period_seconds" {
  description = "Period of every graph, in seconds."
  type        = number
  default     = 300

  validation {
    condition     = var.period_seconds >= 60 && var.period_seconds % 60 == 0
    error_message = "period_seconds must be a multiple of 60."
  }
}

variable "feature_widgets" {
  description = "Graphs that features add to the overview, performance or business-metrics dashboard, two to a row below the standard ones. Each plots metrics (with optional metric math expressions over their ids), every metric with the graph's statistic unless it names its own."
  type = list(object({
    dashboard = optional(string, "overview")
    title     = string
    stat      = optional(string, "Sum")
    metrics = list(object({
      namespace  = string
      name       = string
      dimensions = map(string)
      label      = optional(string)
      stat       = optional(string)
      id         = optional(string)
      visible    = optional(bool)
    }))
    expressions = optional(list(object({
      id         = string
      expression = string
      label      = string
    })), [])
  }))
  default = []

  validation {
    condition     = alltrue([for widget in var.feature_widgets : contains(["overview", "performance", "business-metrics"], widget.dashboard)])
    error_message = "A feature widget goes on the overview, the performance or the business-metrics dashboard."
  }
}
