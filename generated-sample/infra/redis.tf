# The redis feature: a Valkey replication group in the VPC's private subnets (vpc-endpoints.tf) that the
# users function reads user profiles through (cache-aside, Java package users). Valkey rather than Redis
# OSS: ElastiCache prices Valkey nodes about a fifth lower, it is where AWS puts new engine work, and it
# speaks the Redis protocol the Lettuce client uses. Traffic is TLS with an AUTH token kept in Secrets
# Manager; data, snapshots, the secret and the slow log are encrypted with the service's cache key.

variable "cache_node_type" {
  description = "Node type of the cache (Graviton); t4g suits development and small services."
  type        = string
  default     = "cache.t4g.small"

  validation {
    condition     = can(regex("^cache[.][a-z0-9]+[.][a-z0-9]+$", var.cache_node_type))
    error_message = "cache_node_type must be an ElastiCache node type such as cache.t4g.small."
  }
}

variable "cache_multi_az" {
  description = "Whether a replica in a second availability zone takes over automatically when the primary fails (doubles the node cost)."
  type        = bool
  default     = true
}

variable "cache_ttl_seconds" {
  description = "How long a cached user profile is served before it is read from DynamoDB again."
  type        = number
  default     = 300

  validation {
    condition     = var.cache_ttl_seconds >= 1 && floor(var.cache_ttl_seconds) == var.cache_ttl_seconds
    error_message = "cache_ttl_seconds must be a whole number of at least 1."
  }
}

variable "cache_snapshot_retention_days" {
  description = "Days a daily snapshot of the cache is kept, 0 for none. Everything in it can be read again from DynamoDB; a snapshot only spares a replaced cache from starting cold."
  type        = number
  default     = 1

  validation {
    condition     = var.cache_snapshot_retention_days >= 0 && var.cache_snapshot_retention_days <= 35
    error_message = "cache_snapshot_retention_days must be from 0 to 35."
  }
}

locals {
  # A replication group id may have 40 characters and the longest name prefix has 35, which would make
  # "-cache" one too many; cutting the last letter in that one case keeps the name valid.
  cache_id = substr("${local.name_prefix}-cache", 0, 40)

  # ElastiCache names the nodes of a replication group <id>-001, <id>-002: the CacheClusterId of their metrics.
  cache_node_count = var.cache_multi_az ? 2 : 1
  cache_nodes      = { for index in range(1, local.cache_node_count + 1) : format("%03d", index) => format("%s-%03d", local.cache_id, index) }
}

# ElastiCache accepts 16 to 128 printable characters without @, " or /; letters and digits are plenty at
# this length. The token is in the Terraform state, as every argument of the replication group is.
resource "random_password" "cache_auth_token" {
  length  = 64
  special = false
}

resource "aws_secretsmanager_secret" "cache_auth_token" {
  name        = "${local.name_prefix}/cache/auth-token"
  description = "AUTH token of the ${local.cache_id} Valkey replication group, read by the users function at start-up"
  kms_key_id  = aws_kms_key.cache.arn

  # Where the tables may be deleted, the secret goes at once too, so the stack can be created again.
  recovery_window_in_days = var.deletion_protection ? 30 : 0

  tags = {
    "launchpad:feature" = "redis"
  }
}

resource "aws_secretsmanager_secret_version" "cache_auth_token" {
  secret_id     = aws_secretsmanager_secret.cache_auth_token.id
  secret_string = random_password.cache_auth_token.result
}

module "cache" {
  source  = "terraform-aws-modules/elasticache/aws"
  version = "1.10.3"

  replication_group_id = local.cache_id
  description          = "User profile cache of ${local.name_prefix}"

  engine         = "valkey"
  engine_version = "8.2"
  node_type      = var.cache_node_type
  port           = 6379

  # With Multi-AZ a replica in another zone is promoted automatically; without it, one node.
  num_cache_clusters         = local.cache_node_count
  multi_az_enabled           = var.cache_multi_az
  automatic_failover_enabled = var.cache_multi_az

  transit_encryption_enabled = true
  auth_token                 = random_password.cache_auth_token.result
  at_rest_encryption_enabled = true
  kms_key_arn                = aws_kms_key.cache.arn

  # The default valkey8 parameter group fits a cache whose every key expires: its volatile-lru policy
  # evicts the least recently used of them when memory runs out.
  create_parameter_group = false

  maintenance_window       = "sun:03:00-sun:04:00"
  snapshot_window          = "01:00-02:00"
  snapshot_retention_limit = var.cache_snapshot_retention_days

  vpc_id                         = module.vpc.vpc_id
  subnet_ids                     = module.vpc.private_subnets
  security_group_name            = "${local.name_prefix}-cache"
  security_group_use_name_prefix = false
  security_group_description     = "Valkey cache of ${local.name_prefix}: port 6379 from the functions only"
  security_group_rules = {
    valkey_from_functions = {
      description                  = "Valkey (TLS) from the functions"
      referenced_security_group_id = aws_security_group.functions.id
    }
  }

  log_delivery_configuration = {
    slow-log = {
      destination_type                       = "cloudwatch-logs"
      log_format                             = "json"
      cloudwatch_log_group_name              = "${local.cache_id}/slow-log"
      cloudwatch_log_group_retention_in_days = var.log_retention_days
      cloudwatch_log_group_kms_key_id        = aws_kms_key.cache.arn
    }
  }

  tags = {
    "launchpad:feature" = "redis"
  }
}

resource "aws_vpc_security_group_egress_rule" "functions_to_cache" {
  security_group_id            = aws_security_group.functions.id
  description                  = "Valkey (TLS) to the user cache"
  ip_protocol                  = "tcp"
  from_port                    = 6379
  to_port                      = 6379
  referenced_security_group_id = module.cache.security_group_id

  tags = {
    "launchpad:feature" = "redis"
  }
}

# ElastiCache and Secrets Manager use the key through grants made with the caller's IAM permissions;
# CloudWatch Logs needs the policy's own permission, for the slow log only.
data "aws_iam_policy_document" "cache_key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncryptsTheSlowLog"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values   = ["arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/elasticache/${local.cache_id}/slow-log"]
    }
  }
}

resource "aws_kms_key" "cache" {
  description             = "Encrypts the cache, its AUTH token and its slow log of ${local.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.cache_key.json

  tags = {
    "launchpad:feature" = "redis"
  }
}

resource "aws_kms_alias" "cache" {
  name          = "alias/${local.name_prefix}-cache"
  target_key_id = aws_kms_key.cache.key_id
}

locals {
  # Valkey runs commands on one thread, so the engine's own CPU shows saturation that the host's
  # average over all its cores hides on every node type.
  cache_alarms = merge(
    {
      for node, cluster in local.cache_nodes : "cache-${node}-engine-cpu" => {
        description = "Warning: the Valkey engine of cache node ${cluster} was more than 80% busy over 5 minutes; requests will queue behind it. Consider a larger cache_node_type."
        metric_name = "EngineCPUUtilization"
        statistic   = "Average"
        threshold   = 80
        cluster     = cluster
      }
    },
    {
      # Every cached profile expires, so evictions mean the node ran out of memory before the TTL did.
      for node, cluster in local.cache_nodes : "cache-${node}-evictions" => {
        description = "Warning: cache node ${cluster} evicted profiles to make room; it is too small for the traffic and TTL, so more reads reach DynamoDB."
        metric_name = "Evictions"
        statistic   = "Sum"
        threshold   = 0
        cluster     = cluster
      }
    },
  )
}

module "cache_alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  for_each = local.cache_alarms

  alarm_name          = "${local.name_prefix}-${each.key}"
  alarm_description   = each.value.description
  namespace           = "AWS/ElastiCache"
  metric_name         = each.value.metric_name
  dimensions          = { CacheClusterId = each.value.cluster }
  statistic           = each.value.statistic
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold

  # A replica that is not serving has no evictions; missing data is not a problem.
  treat_missing_data = "notBreaching"

  alarm_actions = [module.alerting.warning_topic_arn]
  ok_actions    = [module.alerting.warning_topic_arn]

  tags = {
    "launchpad:feature" = "redis"
  }
}

locals {
  cache_alarm_arns = { for key, alarm in module.cache_alarm : "${local.name_prefix}-${key}" => alarm.cloudwatch_metric_alarm_arn }

  # The hit rate counts every node, since after a failover the replica serves as primary.
  cache_hits   = join(" + ", [for node in keys(local.cache_nodes) : "FILL(hits${node}, 0)"])
  cache_misses = join(" + ", [for node in keys(local.cache_nodes) : "FILL(misses${node}, 0)"])

  cache_dashboard_widgets = [
    {
      title = "Cache hit rate (%)"
      metrics = concat(
        [for node, cluster in local.cache_nodes : { namespace = "AWS/ElastiCache", name = "CacheHits", dimensions = { CacheClusterId = cluster }, id = "hits${node}", visible = false }],
        [for node, cluster in local.cache_nodes : { namespace = "AWS/ElastiCache", name = "CacheMisses", dimensions = { CacheClusterId = cluster }, id = "misses${node}", visible = false }],
      )
      expressions = [{ id = "hitrate", expression = "100 * (${local.cache_hits}) / (${local.cache_hits} + ${local.cache_misses})", label = "hit rate" }]
    },
    {
      title   = "Cache evictions"
      metrics = [for node, cluster in local.cache_nodes : { namespace = "AWS/ElastiCache", name = "Evictions", dimensions = { CacheClusterId = cluster }, label = cluster }]
    },
    {
      dashboard = "performance"
      title     = "Cache engine CPU (%)"
      stat      = "Average"
      metrics   = [for node, cluster in local.cache_nodes : { namespace = "AWS/ElastiCache", name = "EngineCPUUtilization", dimensions = { CacheClusterId = cluster }, label = cluster }]
    },
    {
      dashboard = "performance"
      title     = "Cache client connections"
      stat      = "Maximum"
      metrics   = [for node, cluster in local.cache_nodes : { namespace = "AWS/ElastiCache", name = "CurrConnections", dimensions = { CacheClusterId = cluster }, label = cluster }]
    },
  ]
}

output "cache_primary_endpoint" {
  description = "TLS endpoint of the cache's primary node, host:port."
  value       = "${module.cache.replication_group_primary_endpoint_address}:${module.cache.replication_group_port}"
}

output "cache_auth_token_secret_arn" {
  description = "Secret holding the cache's AUTH token."
  value       = aws_secretsmanager_secret.cache_auth_token.arn
}
