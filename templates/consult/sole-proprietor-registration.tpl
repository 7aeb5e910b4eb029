id: consult-sole-proprietor-registration
kind: consult
title: 个体工商户登记
domain: market-regulation
subject: 开个水果店要办营业执照吗
keypoint: 营业执照 | 个体工商户登记
keypoint: 身份证
keypoint: 经营场所 | 租赁合同
keypoint: 不收费 | 免费
reference: 开店从事经营活动应当办理个体工商户登记，领取营业执照（个人零星小额交易等少数情形依法不需要登记，可以向登记机关确认）。办理时需要经营者的身份证和经营场所使用证明（如租赁合同或房屋产权证明）。可以通过湖北政务服务网等线上渠道申请，也可以到政务服务中心市场监管窗口办理。登记不收费，材料齐全的一般当场或1个工作日内办结。
valid_from: 2023-01-01
valid_until: 2026-12-31

我想在小区门口开个卖水果的小店，要办营业执照吗？需要什么材料，收不收费，多久能办好？
