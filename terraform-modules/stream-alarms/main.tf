locals {
  tags    = merge(var.tags, { "launchpad:feature" = var.feature })
  minutes = var.period_seconds / 60

  # One entry per alarm; its key is the alarm name after the prefix, e.g. order-events-stream-iterator-age.
  alarms = merge(
    {
      # How far behind the slowest reader of the stream is: records wait this long before anyone reads
      # them, and past the retention period they are gone unread.
      for key, name in var.kinesis_stream_names : "${key}-stream-iterator-age" => {
        description = "Warning: the oldest unread record of Kinesis stream ${name} was more than ${var.iterator_age_threshold_ms} ms old within ${local.minutes} minutes."
        namespace   = "AWS/Kinesis"
        metric_name = "GetRecords.IteratorAgeMilliseconds"
        statistic   = "Maximum"
        threshold   = var.iterator_age_threshold_ms
        dimensions  = { StreamName = name }
        actions     = [var.warning_topic_arn]
      }
    },
    {
      # Writes rejected for lack of capacity: producers retry or lose events. On-demand streams throttle
      # too, when traffic more than doubles its previous peak within minutes or one key runs hot.
      for key, name in var.kinesis_stream_names : "${key}-stream-write-throttles" => {
        description = "Warning: Kinesis stream ${name} rejected more than ${var.throughput_exceeded_threshold} records for exceeding its write throughput in ${local.minutes} minutes."
        namespace   = "AWS/Kinesis"
        metric_name = "WriteProvisionedThroughputExceeded"
        statistic   = "Sum"
        threshold   = var.throughput_exceeded_threshold
        dimensions  = { StreamName = name }
        actions     = [var.warning_topic_arn]
      }
    },
    {
      # Reads throttled because the readers together poll a shard more than it serves (five reads a
      # second, 2 MB/s shared by every standard consumer): the iterator age grows next.
      for key, name in var.kinesis_stream_names : "${key}-stream-read-throttles" => {
        description = "Warning: reads of Kinesis stream ${name} exceeded its read throughput more than ${var.throughput_exceeded_threshold} times in ${local.minutes} minutes."
        namespace   = "AWS/Kinesis"
        metric_name = "ReadProvisionedThroughputExceeded"
        statistic   = "Sum"
        threshold   = var.throughput_exceeded_threshold
        dimensions  = { StreamName = name }
        actions     = [var.warning_topic_arn]
      }
    },
    {
      # The age of the last record of each batch a consumer finished: its lag behind its stream,
      # Kinesis or DynamoDB alike.
      for key, name in var.consumer_function_names : "${key}-iterator-age" => {
        description = "Warning: function ${name} finished records that were more than ${var.iterator_age_threshold_ms} ms old within ${local.minutes} minutes: it falls behind its stream."
        namespace   = "AWS/Lambda"
        metric_name = "IteratorAge"
        statistic   = "Maximum"
        threshold   = var.iterator_age_threshold_ms
        dimensions  = { FunctionName = name }
        actions     = [var.warning_topic_arn]
      }
    },
    {
      # Lambda gave up on a batch and could not even record it in the dead-letter queue: those
      # records are skipped without a trace.
      for key, name in var.consumer_function_names : "${key}-dlq-delivery-failures" => {
        description = "Critical: Lambda could not send the record of a discarded batch of function ${name} to its dead-letter queue; those stream records are lost unless read from the stream before they expire."
        namespace   = "AWS/Lambda"
        metric_name = "DestinationDeliveryFailures"
        statistic   = "Sum"
        threshold   = 0
        dimensions  = { FunctionName = name }
        actions     = [var.critical_topic_arn]
      }
    },
    {
      # Anything in a dead-letter queue is a batch that failed every retry: its records need a look
      # (and replaying from the stream) before the stream's retention ends.
      for key, name in var.dead_letter_queue_names : "${key}-dlq-depth" => {
        description = "Critical: dead-letter queue ${name} holds messages: stream batches failed every retry and were skipped."
        namespace   = "AWS/SQS"
        metric_name = "ApproximateNumberOfMessagesVisible"
        statistic   = "Maximum"
        threshold   = 0
        dimensions  = { QueueName = name }
        actions     = [var.critical_topic_arn]
      }
    },
  )
}

# The metric-alarm module maps its inputs one to one onto aws_cloudwatch_metric_alarm. It is used anyway so
# that every platform alarm comes from the same pinned, community-reviewed code as the rest of the stack.
module "alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  for_each = local.alarms

  alarm_name          = "${var.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = each.value.namespace
  metric_name         = each.value.metric_name
  dimensions          = each.value.dimensions
  statistic           = each.value.statistic
  period              = var.period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold

  # No data means nothing flowed: an idle stream is not behind, and SQS stops reporting on a queue
  # that has been empty for hours. Treating it as missing would leave quiet environments in
  # INSUFFICIENT_DATA, which the portal shows as unknown health.
  treat_missing_data = "notBreaching"

  # OK notifications go to the same topic, so whoever was alerted also learns of the recovery.
  alarm_actions = each.value.actions
  ok_actions    = each.value.actions

  tags = local.tags
}
