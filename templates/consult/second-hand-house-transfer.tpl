id: consult-second-hand-house-transfer
kind: consult
title: 二手房过户和不动产登记
domain: natural-resources
subject: 买二手房怎么办过户和不动产证
keypoint: 不动产登记
keypoint: 身份证
keypoint: 不动产权证 | 房屋所有权证 | 房产证
keypoint: 契税 | 税费
reference: 买卖双方（或委托代理人）携带身份证、不动产权证书（或原房屋所有权证）、房屋买卖合同、婚姻状况证明等材料，到不动产登记中心或政务服务中心不动产登记窗口申请转移登记。契税等税费在同一窗口“一窗受理”缴纳。材料齐全的，一般不超过5个工作日办结并领取不动产权证书，部分业务可以当日办结。
valid_from: 2023-01-01
valid_until: 2026-12-31

我在随州买了一套二手房，和卖家签了合同，房款也谈好了。请问过户怎么办？需要带什么？多长时间能拿到不动产权证？
