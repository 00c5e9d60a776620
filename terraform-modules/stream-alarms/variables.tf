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

variable "kinesis_stream_names" {
  description = "Kinesis data streams to watch (iterator age, read and write throttling): a short key (used in alarm names, e.g. order-events) to the stream name."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.kinesis_stream_names) : can(regex("^[a-z][a-z0-9-]*$", key))])
    error_message = "kinesis_stream_names keys must be lowercase letters, digits and hyphens: they become part of alarm names."
  }
}

variable "consumer_function_names" {
  description = "Lambda functions that read streams through event source mappings (iterator age, failed deliveries to their dead-letter queue): a short key to the function name."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.consumer_function_names) : can(regex("^[a-z][a-z0-9-]*$", key))])
    error_message = "consumer_function_names keys must be lowercase letters, digits and hyphens: they become part of alarm names."
  }
}

variable "dead_letter_queue_names" {
  description = "SQS dead-letter queues that must stay empty: a short key to the queue name."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for key in keys(var.dead_letter_queue_names) : can(regex("^[a-z][a-z0-9-]*$", key))])
    error_message = "dead_letter_queue_names keys must be lowercase letters, digits and hyphens: they become part of alarm names."
  }
}

variable "iterator_age_threshold_ms" {
  description = "A warning alarm fires when a stream's oldest unread record, or the last record a consumer finished, is older than this many milliseconds."
  type        = number
  default     = 60000

  validation {
    condition     = var.iterator_age_threshold_ms > 0
    error_message = "iterator_age_threshold_ms must be positive."
  }
}

variable "throughput_exceeded_threshold" {
  description = "A warning alarm fires when a stream throttles more reads or rejects more written records than this in one period; 0 fires on any."
  type        = number
  default     = 0

  validation {
    condition     = var.throughput_exceeded_threshold >= 0
    error_message = "throughput_exceeded_threshold must not be negative."
  }
}

variable "critical_topic_arn" {
  description = "Alarm and OK actions of the dead-letter alarms (records skipped or lost)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.critical_topic_arn))
    error_message = "critical_topic_arn must be the ARN of an SNS topic."
  }
}

variable "warning_topic_arn" {
  description = "Alarm and OK actions of the lag and throttling alarms."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:", var.warning_topic_arn))
    error_message = "warning_topic_arn must be the ARN of an SNS topic."
  }
}
