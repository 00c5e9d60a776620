variable "name_prefix" {
  description = "Start of every alarm name, <service>-<environment> (for example order-service-prod): the portal finds a stack's alarms by this prefix."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,62}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 64 lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "period_seconds" {
  description = "Length of the window each alarm judges, in seconds; the thresholds are per window."
  type        = number
  default     = 300

  validation {
    condition     = var.period_seconds >= 60 && var.period_seconds % 60 == 0
    error_message = "period_seconds must be a multiple of 60: AWS metrics arrive once a minute."
  }
}

variable "feature" {
  description = "Value of the launchpad:feature tag on the alarms: the Launchpad feature they exist for."
  type        = string
  default     = "monitoring"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]*$", var.feature))
    error_message = "feature must be a Launchpad feature id: lowercase letters, digits and hyphens."
  }
}

variable "tags" {
  description = "Extra tags for the alarms. The launchpad:service, launchpad:team and launchpad:environment tags come from the provider's default_tags."
  type        = map(string)
  default     = {}
}

variable "api_id" {
  description = "ID of the API Gateway API to watch; for an HTTP API the ApiId metric dimension, so every stage counts."
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
  description = "Stage of the REST API whose metrics are watched (its Stage metric dimension); only for api_kind rest."
  type        = string
  default     = null

  validation {
    condition     = var.api_kind != "rest" || var.stage_name != null
    error_message = "stage_name is required when api_kind is rest."
  }
}

variable "server_error_threshold" {
  description = "A critical alarm fires when the API returns more 5XX responses than this in one period."
  type        = number
  default     = 10

  validation {
    condition     = var.server_error_threshold >= 0
    error_message = "server_error_threshold must not be negative."
  }
}

variable "latency_threshold_ms" {
  description = "A warning alarm fires when the API's p99 latency over one period exceeds this many milliseconds."
  type        = number
  default     = 5000

  validation {
    condition     = var.latency_threshold_ms > 0
    error_message = "latency_threshold_ms must be positive."
  }
}

variable "critical_topic_arn" {
  description = "Alarm and OK actions of the 5XX alarm."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.critical_topic_arn))
    error_message = "critical_topic_arn must be the ARN of an SNS topic."
  }
}

variable "warning_topic_arn" {
  description = "Alarm and OK actions of the latency alarm."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.warning_topic_arn))
    error_message = "warning_topic_arn must be the ARN of an SNS topic."
  }
}
