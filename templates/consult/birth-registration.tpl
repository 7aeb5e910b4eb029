id: consult-birth-registration
kind: consult
title: 生育登记
domain: health
subject: 生三孩还要办什么登记吗
keypoint: 网上 | 线上 | 政务服务网 | 鄂汇办
keypoint: 乡镇 | 街道 | 社区 | 村
reference: 国家实施三孩生育政策，生育登记不设前置条件。生育登记可以在网上办理，通过湖北政务服务网或“鄂汇办”App等线上渠道提交，也可以到户籍地或现居住地的乡镇（街道）、村（社区）服务窗口办理，一般当场办结。
valid_from: 2023-01-01
valid_until: 2026-12-31

我们准备要第三个孩子。请问现在生育还需要登记吗？怎么办理？
