# The kinesis feature: three KMS-encrypted Kinesis data streams and the functions around them.
#   order-events     the orders function publishes OrderCreated and OrderCancelled (partition key: the order
#                    id); two functions read it through event source mappings (functions.tf): the consumer,
#                    once per event, and the aggregator, in tumbling windows of orders and revenue (Kinesis
#                    Data Analytics for SQL takes no new applications, so windows are Lambda's own).
#   user-activity    the users function publishes UserCreated, UserUpdated and UserDeleted (key: the user id)
#                    for whoever analyses behaviour next; nothing in this service reads it.
#   security-events  API requests answered 401, 403 or 429 (refused or rate-limited), fed from the API's
#                    access log by a subscription filter, for a security consumer to come. It exists now so
#                    that producers and consumers can be added without a change of stream.
# A batch that still fails after its retries goes to the consumer's SQS dead-letter queue, which keeps
# where the batch was in the stream (shard and sequence numbers), not the records: replay it from the
# stream before the stream's retention ends.

variable "kinesis_stream_mode" {
  description = "Capacity mode of the streams: ON_DEMAND scales by itself and bills per GB; PROVISIONED bills per shard-hour and suits steady traffic."
  type        = string
  default     = "ON_DEMAND"

  validation {
    condition     = contains(["ON_DEMAND", "PROVISIONED"], var.kinesis_stream_mode)
    error_message = "kinesis_stream_mode must be ON_DEMAND or PROVISIONED."
  }
}

variable "kinesis_shard_count" {
  description = "Shards of each stream in PROVISIONED mode (each takes 1 MB/s or 1,000 records/s in); ignored on demand."
  type        = number
  default     = 1

  validation {
    condition     = var.kinesis_shard_count >= 1 && floor(var.kinesis_shard_count) == var.kinesis_shard_count
    error_message = "kinesis_shard_count must be a whole number of at least 1."
  }
}

variable "kinesis_retention_hours" {
  description = "How long records stay readable, and so how long a failed batch can be replayed; beyond 24 hours costs extra."
  type        = number
  default     = 24

  validation {
    condition     = var.kinesis_retention_hours >= 24 && var.kinesis_retention_hours <= 8760 && floor(var.kinesis_retention_hours) == var.kinesis_retention_hours
    error_message = "kinesis_retention_hours must be a whole number from 24 to 8760."
  }
}

variable "kinesis_shard_level_metrics" {
  description = "Per-shard metrics of every stream, to find a hot shard or partition key when a stream throttles or falls behind. Each is billed as a custom metric per shard; [] turns them off."
  type        = list(string)
  default     = ["IteratorAgeMilliseconds", "ReadProvisionedThroughputExceeded", "WriteProvisionedThroughputExceeded"]
}

locals {
  kinesis_streams = {
    order-events    = "${local.name_prefix}-order-events"
    user-activity   = "${local.name_prefix}-user-activity"
    security-events = "${local.name_prefix}-security-events"
  }

  # The functions reading order-events and how: settings chosen when the service was created. A batch that
  # fails is halved until the failing record is alone, retried this many times, then recorded in the
  # function's dead-letter queue and skipped, so one bad record cannot hold up its shard for the whole
  # retention period.
  kinesis_consumers = {
    order-events-consumer = {
      stream                     = "order-events"
      batch_size                 = 100
      maximum_retry_attempts     = 3
      tumbling_window_in_seconds = null
    }
    order-window-aggregator = {
      stream                     = "order-events"
      batch_size                 = 100
      maximum_retry_attempts     = 3
      tumbling_window_in_seconds = 300
    }
  }
}

data "aws_iam_policy_document" "streams_key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

# One key for the streams and the dead-letter queues of their consumers. Its policy leaves use to IAM, so
# each function's policy names exactly what it may do with it: producers generate data keys, readers
# decrypt.
resource "aws_kms_key" "streams" {
  description             = "Encrypts the ${local.name_prefix} event streams and their dead-letter queues"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.streams_key.json

  tags = {
    "launchpad:feature" = "kinesis"
  }
}

resource "aws_kms_alias" "streams" {
  name          = "alias/${local.name_prefix}-streams"
  target_key_id = aws_kms_key.streams.key_id
}

resource "aws_kinesis_stream" "this" {
  for_each = local.kinesis_streams

  name             = each.value
  retention_period = var.kinesis_retention_hours
  shard_count      = var.kinesis_stream_mode == "PROVISIONED" ? var.kinesis_shard_count : null

  stream_mode_details {
    stream_mode = var.kinesis_stream_mode
  }

  encryption_type     = "KMS"
  kms_key_id          = aws_kms_key.streams.arn
  shard_level_metrics = var.kinesis_shard_level_metrics

  tags = {
    "launchpad:feature" = "kinesis"
  }
}

module "kinesis_dlq" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "5.2.1"

  for_each = local.kinesis_consumers

  name                      = "${local.name_prefix}-${each.key}-dlq"
  kms_master_key_id         = aws_kms_key.streams.arn
  message_retention_seconds = 1209600 # 14 days, the most SQS keeps a message

  tags = {
    "launchpad:feature" = "kinesis"
  }
}

resource "aws_lambda_event_source_mapping" "kinesis" {
  for_each = local.kinesis_consumers

  # The live alias where versions are published (SnapStart, provisioned concurrency), else the function.
  function_name     = local.function_targets[each.key]
  event_source_arn  = aws_kinesis_stream.this[each.value.stream].arn
  starting_position = "LATEST"
  batch_size        = each.value.batch_size

  # The functions report the first record they could not process; Lambda checkpoints before it, halves
  # what is left and retries from there, and records the batch in the dead-letter queue at the end.
  function_response_types        = ["ReportBatchItemFailures"]
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = each.value.maximum_retry_attempts
  tumbling_window_in_seconds     = each.value.tumbling_window_in_seconds

  destination_config {
    on_failure {
      destination_arn = module.kinesis_dlq[each.key].queue_arn
    }
  }

  tags = {
    "launchpad:feature" = "kinesis"
  }

  # Lambda checks the function's role when the mapping is created, so its policies must be in place first.
  depends_on = [module.function]
}

module "processed_order_events" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  name     = "${local.name_prefix}-processed-order-events"
  hash_key = "id"
  # The consumer forgets an event once it can no longer be delivered again: a day after the stream
  # retention ends (OrderEventsConsumer sets expiresAt).
  attributes         = [{ name = "id", type = "S" }]
  ttl_enabled        = true
  ttl_attribute_name = "expiresAt"

  billing_mode        = local.table_capacity.billing_mode
  read_capacity       = local.table_capacity.read_capacity
  write_capacity      = local.table_capacity.write_capacity
  autoscaling_enabled = local.table_capacity.autoscaling_enabled
  autoscaling_read    = local.table_capacity.autoscaling_read
  autoscaling_write   = local.table_capacity.autoscaling_write

  # Short-lived markers, not data: a restore would bring back nothing worth having.
  point_in_time_recovery_enabled     = false
  server_side_encryption_enabled     = true
  server_side_encryption_kms_key_arn = aws_kms_key.data.arn
  deletion_protection_enabled        = var.deletion_protection

  tags = {
    "launchpad:feature" = "kinesis"
  }
}

locals {
  # What the API functions may do with the streams they publish to (functions.tf): put records, one at a
  # time, into their own stream only.
  kinesis_publishing = {
    orders = {
      effect    = "Allow"
      actions   = ["kinesis:PutRecord"]
      resources = [aws_kinesis_stream.this["order-events"].arn]
    }
    users = {
      effect    = "Allow"
      actions   = ["kinesis:PutRecord"]
      resources = [aws_kinesis_stream.this["user-activity"].arn]
    }
    key = {
      effect    = "Allow"
      actions   = ["kms:GenerateDataKey"]
      resources = [aws_kms_key.streams.arn]
    }
  }

  # What each reader of order-events may do: read that stream and decrypt it, and record failed batches
  # in its own dead-letter queue (which takes a data key); the consumer also remembers processed events.
  kinesis_reader_statements = {
    for key, consumer in local.kinesis_consumers : key => {
      read_stream = {
        effect    = "Allow"
        actions   = ["kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords", "kinesis:GetShardIterator", "kinesis:ListShards"]
        resources = [aws_kinesis_stream.this[consumer.stream].arn]
      }
      dead_letter_queue = {
        effect    = "Allow"
        actions   = ["sqs:SendMessage"]
        resources = [module.kinesis_dlq[key].queue_arn]
      }
      key = {
        effect    = "Allow"
        actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
        resources = [aws_kms_key.streams.arn]
      }
    }
  }
  kinesis_consumer_statements = {
    order-events-consumer = merge(local.kinesis_reader_statements["order-events-consumer"], {
      processed_events = {
        effect    = "Allow"
        actions   = ["dynamodb:GetItem", "dynamodb:PutItem"]
        resources = [module.processed_order_events.dynamodb_table_arn]
      }
    })
    order-window-aggregator = local.kinesis_reader_statements["order-window-aggregator"]
  }
}

# CloudWatch Logs delivers the matching access log lines to security-events with this role.
data "aws_iam_policy_document" "security_events_delivery_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["logs.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "aws:SourceArn"
      values   = ["arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:*"]
    }
  }
}

data "aws_iam_policy_document" "security_events_delivery" {
  statement {
    actions   = ["kinesis:PutRecord"]
    resources = [aws_kinesis_stream.this["security-events"].arn]
  }

  statement {
    actions   = ["kms:GenerateDataKey"]
    resources = [aws_kms_key.streams.arn]
  }
}

resource "aws_iam_role" "security_events_delivery" {
  name               = "${local.name_prefix}-security-events-delivery"
  description        = "Lets CloudWatch Logs put refused API requests into ${local.name_prefix}-security-events"
  assume_role_policy = data.aws_iam_policy_document.security_events_delivery_trust.json

  tags = {
    "launchpad:feature" = "kinesis"
  }
}

resource "aws_iam_role_policy" "security_events_delivery" {
  name   = "put-security-events"
  role   = aws_iam_role.security_events_delivery.id
  policy = data.aws_iam_policy_document.security_events_delivery.json
}

resource "aws_cloudwatch_log_subscription_filter" "security_events" {
  name = "${local.name_prefix}-security-events"

  log_group_name = module.api.access_log_group_name

  # Unauthorised, forbidden (WAF blocks too) and rate-limited: status is a string in the access log.
  filter_pattern  = "{ ($.status = \"401\") || ($.status = \"403\") || ($.status = \"429\") }"
  destination_arn = aws_kinesis_stream.this["security-events"].arn
  role_arn        = aws_iam_role.security_events_delivery.arn
  distribution    = "Random"

  depends_on = [aws_iam_role_policy.security_events_delivery]
}

output "kinesis_stream_names" {
  description = "Name of each Kinesis stream: order-events, user-activity, security-events."
  value       = { for key, stream in aws_kinesis_stream.this : key => stream.name }
}

output "kinesis_dead_letter_queue_urls" {
  description = "URL of each stream consumer's dead-letter queue: a message there names a batch (shard and sequence numbers) that failed every retry."
  value       = { for key, queue in module.kinesis_dlq : key => queue.queue_url }
}

locals {
  # The consumer's table, next to the core tables in the throttling alarms and table graphs.
  kinesis_table_names = { processed-order-events = module.processed_order_events.dynamodb_table_id }

  kinesis_alarm_arns = merge(
    module.kinesis_stream_alarms.alarm_arns,
    { for key, alarm in module.kinesis_publish_alarm : "${local.name_prefix}-${key}-publish-failures" => alarm.cloudwatch_metric_alarm_arn },
  )

  # The business metrics that count events the API functions stored but could not publish.
  kinesis_publish_failure_metrics = {
    order-events  = "OrderEventPublishFailures"
    user-activity = "UserActivityPublishFailures"
  }

  kinesis_metrics_namespace = local.function_environment.POWERTOOLS_METRICS_NAMESPACE
  kinesis_service_dimension = { Service = local.function_environment.POWERTOOLS_SERVICE_NAME }

  kinesis_dashboard_widgets = [
    {
      title   = "Stream records in"
      metrics = [for key, name in local.kinesis_streams : { namespace = "AWS/Kinesis", name = "IncomingRecords", dimensions = { StreamName = name }, label = key }]
    },
    {
      title = "Stream lag (ms): oldest unread record, last record a consumer finished"
      stat  = "Maximum"
      metrics = concat(
        [for key, name in local.kinesis_streams : { namespace = "AWS/Kinesis", name = "GetRecords.IteratorAgeMilliseconds", dimensions = { StreamName = name }, label = key }],
        [for key in keys(local.kinesis_consumers) : { namespace = "AWS/Lambda", name = "IteratorAge", dimensions = { FunctionName = module.function[key].lambda_function_name }, label = key }],
      )
    },
    {
      title = "Stream throttling and events not published"
      metrics = concat(
        [for key, name in local.kinesis_streams : { namespace = "AWS/Kinesis", name = "WriteProvisionedThroughputExceeded", dimensions = { StreamName = name }, label = "${key} writes throttled" }],
        [for key, name in local.kinesis_streams : { namespace = "AWS/Kinesis", name = "ReadProvisionedThroughputExceeded", dimensions = { StreamName = name }, label = "${key} reads throttled" }],
        [for key, metric in local.kinesis_publish_failure_metrics : { namespace = local.kinesis_metrics_namespace, name = metric, dimensions = local.kinesis_service_dimension, label = "${key} not published" }],
      )
    },
    {
      title   = "Stream dead-letter queues (messages waiting)"
      stat    = "Maximum"
      metrics = [for key, queue in module.kinesis_dlq : { namespace = "AWS/SQS", name = "ApproximateNumberOfMessagesVisible", dimensions = { QueueName = queue.queue_name }, label = key }]
    },
    {
      dashboard = "business-metrics"
      title     = "Orders (tumbling window aggregates)"
      metrics   = [{ namespace = local.kinesis_metrics_namespace, name = "OrdersPerWindow", dimensions = local.kinesis_service_dimension, label = "orders" }]
    },
    {
      # One series per currency: amounts in different currencies do not add up.
      dashboard = "business-metrics"
      title     = "Revenue in minor units by currency (tumbling window aggregates)"
      metrics   = []
      expressions = [{
        id         = "revenue"
        expression = "SEARCH('{\"${local.kinesis_metrics_namespace}\",Currency,Service} MetricName=\"RevenuePerWindow\" Service=\"${local.kinesis_service_dimension.Service}\"', 'Sum', 300)"
        label      = ""
      }]
    },
  ]
}

module "kinesis_stream_alarms" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//stream-alarms?ref=v0.1.0"

  name_prefix             = local.name_prefix
  kinesis_stream_names    = local.kinesis_streams
  consumer_function_names = { for key in keys(local.kinesis_consumers) : key => module.function[key].lambda_function_name }
  dead_letter_queue_names = { for key, queue in module.kinesis_dlq : key => queue.queue_name }
  critical_topic_arn      = module.alerting.critical_topic_arn
  warning_topic_arn       = module.alerting.warning_topic_arn
  feature                 = "kinesis"
}

# The order or user was stored and the client told so, but its event is missing from the stream: the
# window aggregates undercount, and the log line with the same id says which one.
module "kinesis_publish_alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  for_each = local.kinesis_publish_failure_metrics

  alarm_name          = "${local.name_prefix}-${each.key}-publish-failures"
  alarm_description   = "Warning: events for Kinesis stream ${local.kinesis_streams[each.key]} were stored but not published in the last 5 minutes; the function logs name them."
  namespace           = local.function_environment.POWERTOOLS_METRICS_NAMESPACE
  metric_name         = each.value
  dimensions          = { Service = local.function_environment.POWERTOOLS_SERVICE_NAME }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"

  alarm_actions = [module.alerting.warning_topic_arn]
  ok_actions    = [module.alerting.warning_topic_arn]

  tags = {
    "launchpad:feature" = "kinesis"
  }
}
