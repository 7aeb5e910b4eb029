id: consult-driving-licence-renewal
kind: consult
title: 驾驶证到期换证
domain: public-security
subject: 驾驶证快到期了，人在外地怎么换证
keypoint: 90日 | 90天 | 九十日 | 三个月
keypoint: 12123
keypoint: 体检 | 身体条件证明
keypoint: 异地 | 全国任一 | 不需要回
reference: 机动车驾驶证有效期满前90日内可以申请换证。可以通过“交管12123”App网上办理：先到具备资质的医疗机构体检，取得身体条件证明（部分体检机构可以把结果联网上传），然后在App上提交换证申请，新证邮寄到家。也可以在全国任一车辆管理所或交警服务站异地办理，不需要回驾驶证核发地。
valid_from: 2023-01-01
valid_until: 2026-12-31
note: 依据：《机动车驾驶证申领和使用规定》（公安部令第162号）第七十条、第七十一条；“交管12123”App。

我的C1驾驶证明年1月到期。请问提前多久可以换证，能不能在手机上办，需要体检吗？我现在在外地打工，回不了随州。
