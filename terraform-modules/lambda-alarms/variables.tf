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

variable "function_names" {
  description = "The functions to watch: a short key (used in alarm names, e.g. users) to the Lambda function name."
  type        = map(string)

  validation {
    condition     = alltrue([for key in keys(var.function_names) : can(regex("^[a-z][a-z0-9-]*$", key))])
    error_message = "function_names keys must be lowercase letters, digits and hyphens: they become part of alarm names."
  }
}

variable "error_threshold" {
  description = "A critical alarm fires when a function reports more errors than this in one period."
  type        = number
  default     = 5

  validation {
    condition     = var.error_threshold >= 0
    error_message = "error_threshold must not be negative."
  }
}

variable "duration_threshold_ms" {
  description = "A warning alarm fires when a function's p99 duration over one period exceeds this many milliseconds."
  type        = number
  default     = 10000

  validation {
    condition     = var.duration_threshold_ms > 0
    error_message = "duration_threshold_ms must be positive."
  }
}

variable "critical_topic_arn" {
  description = "Alarm and OK actions of the error alarms."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.critical_topic_arn))
    error_message = "critical_topic_arn must be the ARN of an SNS topic."
  }
}

variable "warning_topic_arn" {
  description = "Alarm and OK actions of the duration alarms."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.warning_topic_arn))
    error_message = "warning_topic_arn must be the ARN of an SNS topic."
  }
}
